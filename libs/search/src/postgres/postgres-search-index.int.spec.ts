import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/test-infra';
import { describeSearchIndexContract } from '../testing';
import { createPostgresSearchIndex } from './postgres-search-index';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('parley_search');
});

afterAll(async () => {
  await database?.drop();
});

describeSearchIndexContract('PostgreSQL', async () => {
  const index = await createPostgresSearchIndex({
    connectionString: database.url,
    schema: `search_${randomBytes(4).toString('hex')}`,
  });
  return { index, cleanup: () => index.close() };
});

describe('PostgreSQL search index at boot', () => {
  it('given two indexes on one schema created at once, when both start, then both answer', async () => {
    const schema = `search_${randomBytes(4).toString('hex')}`;
    const [one, two] = await Promise.all([
      createPostgresSearchIndex({ connectionString: database.url, schema }),
      createPostgresSearchIndex({ connectionString: database.url, schema }),
    ]);
    try {
      await one.apply([
        {
          kind: 'contact-profile',
          workspaceId: 'w',
          conversationId: 'c',
          position: '1',
          name: 'Nadia',
        },
      ]);
      expect((await two.search('w', 'nadia', 5)).map((h) => h.conversationId)).toEqual(['c']);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('given a server nobody listens on, when the index is created, then it fails at boot', async () => {
    await expect(
      createPostgresSearchIndex({
        connectionString: 'postgres://postgres@127.0.0.1:1/none',
        timeouts: { connectMs: 1_000 },
      }),
    ).rejects.toThrow();
  });
});
