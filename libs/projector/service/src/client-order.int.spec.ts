import { randomBytes } from 'node:crypto';
import { createMongoReadStore } from '@parley/read-store';
import { reportSkip } from '@parley/test-infra';
import { describeClientOrderScenarios } from './testing/client-order-scenarios';

const url = process.env['MONGO_URL'];

if (!url) reportSkip('projector client order on MongoDB wire: skipped (no server: set MONGO_URL)');

// The same scenarios through the MongoDB wire (FerretDB in CI): the chat's last-message filters
// ($and of $or with null and $lt) and the orderKey sort as a real server reads them.
(url ? describe : describe.skip)('projector on a MongoDB-wire read store', () => {
  describeClientOrderScenarios('a MongoDB-wire read store', () =>
    createMongoReadStore({
      url: url as string,
      dbName: `parley_order_${randomBytes(5).toString('hex')}`,
      serverSelectionTimeoutMS: 5_000,
    }),
  );
});
