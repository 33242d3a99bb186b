import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { UserDirectory } from '../users/user-directory';
import type { AuthenticatedRequest } from './authenticated-request';
import { TokenService } from './token-service';

/**
 * Every gateway route but sign-in, refresh and sign-out: `Authorization: Bearer <access token>`,
 * valid, unexpired, of a user who still exists; otherwise 401.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(UserDirectory) private readonly users: UserDirectory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('sign in first: no access token');
    const claims = this.tokens.verifyAccess(match[1]!);
    if (!claims) throw new UnauthorizedException('the access token is invalid or has expired');
    const user = this.users.findById(claims.sub);
    if (!user) throw new UnauthorizedException('the access token is invalid or has expired');
    (request as AuthenticatedRequest).user = user;
    (request as AuthenticatedRequest).accessTokenExpiresAt = claims.exp;
    return true;
  }
}
