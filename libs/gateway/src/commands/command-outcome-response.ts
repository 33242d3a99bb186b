import { HttpException, HttpStatus } from '@nestjs/common';
import type { CommandOutcome, CommandResponse } from '@parley/contracts';

/**
 * A command's outcome as the HTTP answer: accepted → the CommandResponse (202); rejected →
 * 404 when the code says something was not found (`conversation.not_found`), 422 otherwise,
 * with the reason a user can read and the machine-readable code.
 */
export const responseForOutcome = (
  outcome: CommandOutcome,
  extra: { readonly messageId?: string } = {},
): CommandResponse => {
  if (outcome.status === 'accepted') {
    return { commandId: outcome.commandId, status: 'accepted', ...extra };
  }
  const notFound = outcome.code.endsWith('not_found');
  const statusCode = notFound ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
  throw new HttpException(
    {
      statusCode,
      error: notFound ? 'Not Found' : 'Unprocessable Entity',
      message: outcome.reason,
      code: outcome.code,
    },
    statusCode,
  );
};
