import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { reportMongoEngine, reportSkip } from '@parley/test-infra';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { createMongoReadStore } from './mongo-read-store';

const url = process.env['MONGO_URL'];

if (!url) reportSkip('mongodb: skipped (no server: set MONGO_URL or run Docker)');

const testDbName = (): string => `parley_test_${randomBytes(5).toString('hex')}`;

// Jest names suites before any server is asked, so the name says the protocol; the engine is
// read in beforeAll, and a run on FerretDB says that MongoDB itself was not verified.
(url ? describe : describe.skip)('MongoDB-wire read store', () => {
  beforeAll(async () => {
    await reportMongoEngine('suite', url as string);
  });

  describeReadStoreContract('mongodb', () =>
    createMongoReadStore({
      url: url as string,
      dbName: testDbName(),
      serverSelectionTimeoutMS: 5_000,
    }),
  );

  describe('ensureCollection on the server', () => {
    let connection: mongoose.Connection;

    beforeAll(async () => {
      connection = await mongoose
        .createConnection(url as string, { serverSelectionTimeoutMS: 5_000 })
        .asPromise();
    });

    afterAll(async () => {
      await connection?.close();
    });

    // The port cannot tell a created empty collection from a missing one; the server's own
    // listing can, and that is what FerretDB's racing find needs (read-store.port.ts).
    it('given a collection never written, when ensured, then the server lists it', async () => {
      const dbName = testDbName();
      const store = await createMongoReadStore({
        url: url as string,
        dbName,
        serverSelectionTimeoutMS: 5_000,
      });
      const db = connection.useDb(dbName, { useCache: false });
      const listed = async (): Promise<string[]> =>
        (await db.listCollections()).map((collection) => collection.name);
      try {
        await store.collection('read_model_versions').findOne({ _id: 'chats' });
        expect(await listed()).not.toContain('read_model_versions');
        await store.ensureCollection('read_model_versions');
        expect(await listed()).toContain('read_model_versions');
      } finally {
        await store.dropAll();
        await store.close();
      }
    });
  });
});
