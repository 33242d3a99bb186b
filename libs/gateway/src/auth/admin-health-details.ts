import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry, type HealthRequest } from '@parley/platform';
import { UserDirectory } from '../users/user-directory';
import { TokenService } from './token-service';

/**
 * The seam between the platform's `/health` and the gateway's users: the detailed report (paths,
 * brokers, errors) goes to a request with an admin's valid Bearer access token; everyone else
 * gets `{status}` only. The platform knows no users: the gateway registers this rule.
 */
@Injectable()
export class AdminHealthDetails implements OnModuleInit {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(UserDirectory) private readonly users: UserDirectory,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health?.revealDetailsWhen((request) => this.isAdmin(request));
  }

  isAdmin(request: HealthRequest): boolean {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return false;
    const claims = this.tokens.verifyAccess(match[1]!);
    const user = claims ? this.users.findById(claims.sub) : null;
    return user?.role === 'admin';
  }
}
