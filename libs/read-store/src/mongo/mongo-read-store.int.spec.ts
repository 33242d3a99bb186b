import { randomBytes } from 'node:crypto';
import { reportSkip } from '@parley/test-infra';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { createMongoReadStore } from './mongo-read-store';

const url = process.env['MONGO_URL'];
// CI points MONGO_URL at the Mongo-wire stand-in (mongo-java-server): the suite runs there, but
// that is not MongoDB, and the run says so.
const standIn = process.env['PARLEY_MONGO_STAND_IN'] === '1';

if (!url) reportSkip('mongodb: skipped (no server: set MONGO_URL or run Docker)');
if (url && standIn) {
  reportSkip('mongodb: real server not verified (the suite ran on the mongo-java-server stand-in)');
}

(url ? describe : describe.skip)(
  standIn ? 'Mongo-wire stand-in read store' : 'MongoDB read store',
  () => {
    describeReadStoreContract(standIn ? 'mongo-java-server stand-in' : 'mongodb', () =>
      createMongoReadStore({
        url: url as string,
        dbName: `parley_test_${randomBytes(5).toString('hex')}`,
        serverSelectionTimeoutMS: 5_000,
      }),
    );
  },
);
