import type { NewSession, RefreshTokenStore, RotateOutcome } from './refresh-token-store.port';

interface Family {
  readonly userId: string;
  readonly expiresAt: number;
  current: string;
}

/**
 * Session families in this process's memory: for `npm start` and a single gateway without
 * REDIS_URL. A restart forgets them (everyone signs in again). Expired families are dropped
 * when touched and swept when a family starts, so memory stays bounded by the live sessions.
 */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private readonly families = new Map<string, Family>();

  constructor(private readonly now: () => number = Date.now) {}

  async start(session: NewSession): Promise<void> {
    this.sweep();
    this.families.set(session.familyId, {
      userId: session.userId,
      expiresAt: session.expiresAt.getTime(),
      current: session.tokenId,
    });
  }

  async rotate(familyId: string, tokenId: string, nextTokenId: string): Promise<RotateOutcome> {
    const family = this.live(familyId);
    if (!family) return { kind: 'unknown' };
    if (family.current !== tokenId) {
      this.families.delete(familyId);
      return { kind: 'reused', userId: family.userId };
    }
    family.current = nextTokenId;
    return { kind: 'rotated', userId: family.userId, expiresAt: new Date(family.expiresAt) };
  }

  async revokeFamily(familyId: string): Promise<void> {
    this.families.delete(familyId);
  }

  async revokeAllFor(userId: string): Promise<void> {
    for (const [id, family] of this.families)
      if (family.userId === userId) this.families.delete(id);
  }

  async close(): Promise<void> {
    this.families.clear();
  }

  private live(familyId: string): Family | null {
    const family = this.families.get(familyId);
    if (!family) return null;
    if (family.expiresAt <= this.now()) {
      this.families.delete(familyId);
      return null;
    }
    return family;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, family] of this.families) if (family.expiresAt <= now) this.families.delete(id);
  }
}
