import { Inject, Injectable } from '@nestjs/common';
import type { Role, User } from '@parley/contracts';
import jwt from 'jsonwebtoken';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/** What a valid access token says about its bearer. */
export interface AccessClaims {
  readonly sub: string;
  readonly role: Role;
  readonly ws: string;
  readonly type: 'access';
  readonly exp: number;
}

export interface RefreshClaims {
  readonly sub: string;
  readonly type: 'refresh';
  readonly exp: number;
}

/** Signs and checks the session tokens: JWT HS256 with PARLEY_AUTH_SECRET. */
@Injectable()
export class TokenService {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  get accessTtlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  get refreshTtlSeconds(): number {
    return this.config.REFRESH_TOKEN_TTL_SECONDS;
  }

  issueAccess(user: User): string {
    return jwt.sign(
      { role: user.role, ws: user.workspaceId, type: 'access' },
      this.config.PARLEY_AUTH_SECRET,
      { algorithm: 'HS256', subject: user.id, expiresIn: this.accessTtlSeconds },
    );
  }

  issueRefresh(user: User): string {
    return jwt.sign({ type: 'refresh' }, this.config.PARLEY_AUTH_SECRET, {
      algorithm: 'HS256',
      subject: user.id,
      expiresIn: this.refreshTtlSeconds,
    });
  }

  /** The claims of a valid, unexpired access token; null for anything else. */
  verifyAccess(token: string): AccessClaims | null {
    const claims = this.verify(token);
    if (!claims || claims['type'] !== 'access') return null;
    if (typeof claims['role'] !== 'string' || typeof claims['ws'] !== 'string') return null;
    return claims as unknown as AccessClaims;
  }

  verifyRefresh(token: string): RefreshClaims | null {
    const claims = this.verify(token);
    if (!claims || claims['type'] !== 'refresh') return null;
    return claims as unknown as RefreshClaims;
  }

  private verify(token: string): Record<string, unknown> | null {
    try {
      const claims = jwt.verify(token, this.config.PARLEY_AUTH_SECRET, {
        algorithms: ['HS256'],
      });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string') return null;
      return claims as Record<string, unknown>;
    } catch {
      return null;
    }
  }
}
