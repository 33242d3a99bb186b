import { randomBytes } from 'node:crypto';
import { reportSkip } from '@parley/test-infra';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { createMongoReadStore } from './mongo-read-store';

const url = process.env['MONGO_URL'];

if (!url) reportSkip('mongodb: skipped (no server: set MONGO_URL or run Docker)');

(url ? describe : describe.skip)('MongoDB read store', () => {
  describeReadStoreContract('mongodb', () =>
    createMongoReadStore({
      url: url as string,
      dbName: `parley_test_${randomBytes(5).toString('hex')}`,
      serverSelectionTimeoutMS: 5_000,
    }),
  );
});
