import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { reportMongoEngine, reportSkip } from '@parley/test-infra';
import { describeMediaStoreContract } from '../testing/media-store.contract';
import { createGridFsMediaStore } from './gridfs-media-store';

const url = process.env['MONGO_URL'];

if (!url)
  reportSkip('mongodb: GridFS media store skipped (no server: set MONGO_URL or run Docker)');

// Jest names suites before any server is asked, so the name says the protocol; the engine is
// read in beforeAll, and a run on FerretDB says that MongoDB itself was not verified.
(url ? describe : describe.skip)('MongoDB-wire GridFS media store', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    await reportMongoEngine('the GridFS media store suite', url as string);
    connection = await mongoose
      .createConnection(url as string, { serverSelectionTimeoutMS: 5_000 })
      .asPromise();
  });

  afterAll(async () => {
    await connection?.close();
  });

  describeMediaStoreContract('GridFS', async (maxBytes) => {
    const dbName = `parley_media_test_${randomBytes(5).toString('hex')}`;
    const store = await createGridFsMediaStore({
      url: url as string,
      dbName,
      maxBytes,
      serverSelectionTimeoutMS: 5_000,
    });
    const db = connection.useDb(dbName, { useCache: false });
    return {
      store,
      storedObjects: async () =>
        (await db.collection('media.files').countDocuments({})) +
        (await db.collection('media.chunks').countDocuments({})),
      storedBytes: async () => {
        let bytes = 0;
        for await (const chunk of db.collection('media.chunks').find({})) {
          bytes += (chunk['data'] as mongoose.mongo.Binary).length();
        }
        return bytes;
      },
      dispose: async () => {
        await store.close();
        await db.dropDatabase();
      },
    };
  });
});
