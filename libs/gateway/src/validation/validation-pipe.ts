import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** One broken rule of a request, named by its field (`email`, `content.text`). */
export interface ValidationIssue {
  readonly field: string;
  readonly reason: string;
}

/** Every broken rule of every field, nested fields named with dots. */
export const validationIssues = (
  errors: readonly ValidationError[],
  prefix = '',
): ValidationIssue[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...validationIssues(e.children ?? [], field)];
  });

/**
 * The API's request validation: unknown fields are refused, values converted to the DTO's
 * types; a bad request answers 400 `{statusCode, error, message, issues: [{field, reason}]}`.
 */
export const gatewayValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const issues = validationIssues(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: issues.map((i) => i.reason).join('; ') || 'invalid request',
        issues,
      });
    },
  });
