import { randomUUID } from 'node:crypto';
import type { RefreshTokenStore } from '../refresh-token-store.port';

/**
 * The one contract suite of the refresh-token store port (docs/style.md 15): every adapter that
 * can be reached runs it. `openStore` gives a store for each test; the suite closes it. Ids are
 * fresh per test, so adapters on a shared server need no cleaning between tests.
 */
export const describeRefreshTokenStoreContract = (
  adapter: string,
  openStore: () => Promise<RefreshTokenStore>,
): void => {
  describe(`refresh-token store contract (${adapter})`, () => {
    let store: RefreshTokenStore;
    const id = (): string => randomUUID();
    const inAnHour = (): Date => new Date(Date.now() + 3_600_000);
    const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

    beforeEach(async () => {
      store = await openStore();
    });

    afterEach(async () => {
      await store.close();
    });

    it('given a started family, when its current token rotates, then each new token rotates in turn and the end stays the same', async () => {
      const [familyId, userId, t1, t2, t3] = [id(), id(), id(), id(), id()];
      const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
      await store.start({ familyId, userId, tokenId: t1, expiresAt });

      expect(await store.rotate(familyId, t1, t2)).toEqual({ kind: 'rotated', userId, expiresAt });
      expect(await store.rotate(familyId, t2, t3)).toEqual({ kind: 'rotated', userId, expiresAt });
    });

    it('given a rotated token, when it is presented again, then it is reuse and the whole family is revoked', async () => {
      const [familyId, userId, t1, t2, t3] = [id(), id(), id(), id(), id()];
      await store.start({ familyId, userId, tokenId: t1, expiresAt: inAnHour() });
      await store.rotate(familyId, t1, t2);

      expect(await store.rotate(familyId, t1, id())).toEqual({ kind: 'reused', userId });
      expect(await store.rotate(familyId, t2, t3)).toEqual({ kind: 'unknown' });
    });

    it('given no such family, when rotating, then unknown', async () => {
      expect(await store.rotate(id(), id(), id())).toEqual({ kind: 'unknown' });
    });

    it('given two rotations of one token at once, then exactly one rotates and the other is reuse', async () => {
      const [familyId, userId, t1] = [id(), id(), id()];
      await store.start({ familyId, userId, tokenId: t1, expiresAt: inAnHour() });

      const outcomes = await Promise.all([
        store.rotate(familyId, t1, id()),
        store.rotate(familyId, t1, id()),
      ]);

      expect(outcomes.map((o) => o.kind).sort()).toEqual(['reused', 'rotated']);
    });

    it("given a revoked family, then its token no longer rotates and the user's other families still do", async () => {
      const [userId, f1, f2, t1, t2] = [id(), id(), id(), id(), id()];
      await store.start({ familyId: f1, userId, tokenId: t1, expiresAt: inAnHour() });
      await store.start({ familyId: f2, userId, tokenId: t2, expiresAt: inAnHour() });

      await store.revokeFamily(f1);
      await store.revokeFamily(id());

      expect(await store.rotate(f1, t1, id())).toEqual({ kind: 'unknown' });
      expect((await store.rotate(f2, t2, id())).kind).toBe('rotated');
    });

    it('given a user with several families, when revoking all for the user, then none rotates and other users are untouched', async () => {
      const [user, other] = [id(), id()];
      const mine = [
        { familyId: id(), tokenId: id() },
        { familyId: id(), tokenId: id() },
      ];
      const theirs = { familyId: id(), tokenId: id() };
      for (const f of mine) await store.start({ ...f, userId: user, expiresAt: inAnHour() });
      await store.start({ ...theirs, userId: other, expiresAt: inAnHour() });

      await store.revokeAllFor(user);
      await store.revokeAllFor(id());

      for (const f of mine)
        expect(await store.rotate(f.familyId, f.tokenId, id())).toEqual({ kind: 'unknown' });
      expect((await store.rotate(theirs.familyId, theirs.tokenId, id())).kind).toBe('rotated');
    });

    it('given a family past its absolute end, then its current token no longer rotates', async () => {
      const [familyId, userId, t1, t2] = [id(), id(), id(), id()];
      await store.start({ familyId, userId, tokenId: t1, expiresAt: new Date(Date.now() + 400) });
      expect((await store.rotate(familyId, t1, t2)).kind).toBe('rotated');

      await sleep(600);

      expect(await store.rotate(familyId, t2, id())).toEqual({ kind: 'unknown' });
    });

    it('given a user who signed in again after a family ended, then revoking all still ends the new one', async () => {
      const [userId, f1, f2, t1, t2] = [id(), id(), id(), id(), id()];
      await store.start({
        familyId: f1,
        userId,
        tokenId: t1,
        expiresAt: new Date(Date.now() + 200),
      });
      await sleep(400);
      await store.start({ familyId: f2, userId, tokenId: t2, expiresAt: inAnHour() });

      await store.revokeAllFor(userId);

      expect(await store.rotate(f2, t2, id())).toEqual({ kind: 'unknown' });
    });
  });
};
