import { randomBytes } from 'node:crypto';
import { reportMongoEngine, reportSkip } from '@parley/test-infra';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { createMongoReadStore } from './mongo-read-store';

const url = process.env['MONGO_URL'];

if (!url) reportSkip('mongodb: skipped (no server: set MONGO_URL or run Docker)');

// Jest names suites before any server is asked, so the name says the protocol; the engine is
// read in beforeAll, and a run on FerretDB says that MongoDB itself was not verified.
(url ? describe : describe.skip)('MongoDB-wire read store', () => {
  beforeAll(async () => {
    await reportMongoEngine('suite', url as string);
  });

  describeReadStoreContract('mongodb', () =>
    createMongoReadStore({
      url: url as string,
      dbName: `parley_test_${randomBytes(5).toString('hex')}`,
      serverSelectionTimeoutMS: 5_000,
    }),
  );
});
