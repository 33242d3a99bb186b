import {
  BadRequestException,
  Logger,
  ValidationPipe,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';

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
 * A rule that throws (a validator's bug on odd input) refuses the request with 400 instead of
 * failing it with 500; the throw is logged, so the rule gets fixed.
 */
class GuardedValidationPipe extends ValidationPipe {
  private readonly logger = new Logger('ValidationPipe');

  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    try {
      return await super.validate(object, validatorOptions);
    } catch (e) {
      this.logger.warn(`a validation rule threw: ${(e as Error).stack ?? String(e)}`);
      return [
        {
          property: 'request',
          constraints: { validates: 'the request could not be validated' },
          children: [],
        },
      ];
    }
  }
}

/**
 * The API's request validation: unknown fields are refused, values converted to the DTO's
 * types; a bad request answers 400 `{statusCode, error, message, issues: [{field, reason}]}`.
 */
export const gatewayValidationPipe = (): ValidationPipe =>
  new GuardedValidationPipe({
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
