import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/test-infra';
import { Client } from 'pg';
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

  it('given contacts stored before their normalized columns, when the index starts, then they are found', async () => {
    const schema = `search_${randomBytes(4).toString('hex')}`;
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      // The contacts table as the first version of the index made it.
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`CREATE TABLE ${schema}.contacts (
        workspace_id text NOT NULL, conversation_id text NOT NULL,
        name text NOT NULL DEFAULT '', username text,
        profile_position bigint NOT NULL DEFAULT -1,
        tags text[] NOT NULL DEFAULT '{}', tags_position bigint NOT NULL DEFAULT -1,
        last_activity_at timestamptz, profile text NOT NULL DEFAULT '',
        PRIMARY KEY (workspace_id, conversation_id))`);
      await client.query(
        `INSERT INTO ${schema}.contacts (workspace_id, conversation_id, name, username, tags, profile)
         VALUES ('w', 'c', 'José García', 'pepe', '{Mayorista}', 'jose garcia pepe mayorista')`,
      );
    } finally {
      await client.end();
    }

    const index = await createPostgresSearchIndex({ connectionString: database.url, schema });
    try {
      expect((await index.search('w', 'garcia', 5)).map((h) => h.matchedIn)).toEqual(['name']);
      expect((await index.search('w', 'Garcai', 5)).map((h) => h.matchedIn)).toEqual(['name']);
      expect((await index.search('w', '@pepe', 5)).map((h) => h.matchedIn)).toEqual(['username']);
      expect((await index.search('w', 'mayorista', 5)).map((h) => h.matchedIn)).toEqual(['tag']);
    } finally {
      await index.close();
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
