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
  /** The session family the token belongs to. */
  readonly fam: string;
  /** The token's own id: the family's current one, or an older one (reuse). */
  readonly jti: string;
}

/** Which session a refresh token belongs to, and when that session ends. */
export interface RefreshTokenIds {
  readonly familyId: string;
  readonly tokenId: string;
  readonly expiresAt: Date;
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

  /** A refresh token of a session family; it expires with the session, not later. */
  issueRefresh(user: User, ids: RefreshTokenIds): string {
    return jwt.sign(
      {
        type: 'refresh',
        fam: ids.familyId,
        exp: Math.floor(ids.expiresAt.getTime() / 1000),
      },
      this.config.PARLEY_AUTH_SECRET,
      { algorithm: 'HS256', subject: user.id, jwtid: ids.tokenId },
    );
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
    if (typeof claims['fam'] !== 'string' || typeof claims['jti'] !== 'string') return null;
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
