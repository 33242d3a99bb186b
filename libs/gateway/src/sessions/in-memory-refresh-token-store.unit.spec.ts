import { InMemoryRefreshTokenStore } from './in-memory-refresh-token-store';
import { describeRefreshTokenStoreContract } from './testing/refresh-token-store.contract';

describeRefreshTokenStoreContract('in memory', async () => new InMemoryRefreshTokenStore());

describe('in-memory refresh-token store on a held clock', () => {
  it('given a family, when the clock passes its end, then it is gone; until then it rotates', async () => {
    let now = 1_000_000;
    const store = new InMemoryRefreshTokenStore(() => now);
    await store.start({
      familyId: 'f',
      userId: 'u',
      tokenId: 't1',
      expiresAt: new Date(now + 60_000),
    });

    now += 59_999;
    expect((await store.rotate('f', 't1', 't2')).kind).toBe('rotated');
    now += 1;
    expect(await store.rotate('f', 't2', 't3')).toEqual({ kind: 'unknown' });
  });
});
