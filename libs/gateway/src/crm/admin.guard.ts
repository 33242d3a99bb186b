import {
  ForbiddenException,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/authenticated-request';

/**
 * Admin-only routes (A4: tag catalogue, pipeline), after AccessTokenGuard: a signed-in user who
 * is not an admin gets 403.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (user?.role === 'admin') return true;
    throw new ForbiddenException({
      statusCode: 403,
      error: 'Forbidden',
      message:
        "only an admin can change the workspace's settings (tags, pipeline, links, keys, templates, robots' rules)",
    });
  }
}
