/**
 * The server-side record of refresh tokens. A sign-in starts a session family; each refresh
 * rotates it to a new token; presenting a token the family has already rotated past is reuse
 * (someone holds a copy) and revokes the whole family. A family ends at its absolute expiry,
 * whatever its rotations. Adapters: in memory (`npm start`, one gateway) and Redis (replicas
 * share it); one contract suite runs on both (testing/refresh-token-store.contract.ts).
 */
export interface RefreshTokenStore {
  /** Record a new family whose current token is `tokenId`, until `expiresAt`. */
  start(session: NewSession): Promise<void>;
  /**
   * Atomically: when `tokenId` is the family's current token, `nextTokenId` becomes current
   * ("rotated"); when it is an older one, the family is revoked ("reused"); when the family is
   * unknown, revoked or expired, "unknown". Of two rotations of one token at once, one rotates
   * and the other is reuse.
   */
  rotate(familyId: string, tokenId: string, nextTokenId: string): Promise<RotateOutcome>;
  /** End one family (sign-out). Unknown families are fine. */
  revokeFamily(familyId: string): Promise<void>;
  /**
   * End every family of a user (for disabling a user; no feature calls it yet: there is no
   * disable-user feature).
   */
  revokeAllFor(userId: string): Promise<void>;
  close(): Promise<void>;
}

export interface NewSession {
  readonly familyId: string;
  readonly userId: string;
  readonly tokenId: string;
  readonly expiresAt: Date;
}

export type RotateOutcome =
  | { readonly kind: 'rotated'; readonly userId: string; readonly expiresAt: Date }
  | { readonly kind: 'reused'; readonly userId: string }
  | { readonly kind: 'unknown' };

/** The injection token of the gateway's RefreshTokenStore. */
export const REFRESH_TOKEN_STORE = 'parley:RefreshTokenStore';
