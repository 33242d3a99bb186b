import { Inject, Injectable, Logger } from '@nestjs/common';
import { newId, type User } from '@parley/contracts';
import { TokenService } from '../auth/token-service';
import { UserDirectory } from '../users/user-directory';
import { REFRESH_TOKEN_STORE, type RefreshTokenStore } from './refresh-token-store.port';

/** A refresh token to set as the cookie, and when its session ends. */
export interface IssuedRefresh {
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * Sessions (U1): a sign-in starts a family of refresh tokens recorded in the RefreshTokenStore;
 * each refresh rotates it; a rotated token presented again revokes the family (someone else
 * holds a copy); sign-out revokes it; the family ends REFRESH_TOKEN_TTL_SECONDS after sign-in,
 * however often it is refreshed. The token is a JWT (PARLEY_AUTH_SECRET) naming its family
 * (`fam`) and itself (`jti`), so a forged token is refused before the store is asked.
 */
@Injectable()
export class Sessions {
  private readonly logger = new Logger('Sessions');

  constructor(
    @Inject(REFRESH_TOKEN_STORE) private readonly store: RefreshTokenStore,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(UserDirectory) private readonly users: UserDirectory,
  ) {}

  async start(user: User): Promise<IssuedRefresh> {
    const familyId = newId();
    const tokenId = newId();
    // The wall clock, not the platform's CLOCK: the token's `exp`, the cookie's Expires and Redis's
    // expiry are all read against real time. Whole seconds: `exp` is in seconds.
    const end = Date.now() + this.tokens.refreshTtlSeconds * 1000;
    const expiresAt = new Date(Math.floor(end / 1000) * 1000);
    await this.store.start({ familyId, userId: user.id, tokenId, expiresAt });
    return { token: this.tokens.issueRefresh(user, { familyId, tokenId, expiresAt }), expiresAt };
  }

  /** The user and a new refresh token for a presented one; null when the session has ended. */
  async renew(token: string): Promise<{ user: User; refresh: IssuedRefresh } | null> {
    const claims = this.tokens.verifyRefresh(token);
    if (!claims) return null;
    const nextTokenId = newId();
    const outcome = await this.store.rotate(claims.fam, claims.jti, nextTokenId);
    switch (outcome.kind) {
      case 'unknown':
        return null;
      case 'reused':
        this.logger.warn(
          `a refresh token was used twice: session ${claims.fam} of user ${outcome.userId} revoked`,
        );
        return null;
      case 'rotated': {
        const user = this.users.findById(outcome.userId);
        if (!user) {
          await this.store.revokeFamily(claims.fam);
          return null;
        }
        const expiresAt = outcome.expiresAt;
        const ids = { familyId: claims.fam, tokenId: nextTokenId, expiresAt };
        return { user, refresh: { token: this.tokens.issueRefresh(user, ids), expiresAt } };
      }
      default: {
        const _exhaustive: never = outcome;
        return _exhaustive;
      }
    }
  }

  /** Sign-out: the presented token's family ends. A token that does not verify ends nothing. */
  async end(token: string): Promise<void> {
    const claims = this.tokens.verifyRefresh(token);
    if (claims) await this.store.revokeFamily(claims.fam);
  }

  /** Every session of a user ends (for disabling a user, which no feature does yet). */
  async revokeAllFor(userId: string): Promise<void> {
    await this.store.revokeAllFor(userId);
  }
}
