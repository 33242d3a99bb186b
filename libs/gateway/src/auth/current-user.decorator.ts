import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { User } from '@parley/contracts';
import type { AuthenticatedRequest } from './authenticated-request';

/** The signed-in user of a route behind AccessTokenGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
