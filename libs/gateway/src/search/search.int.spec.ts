import { randomBytes } from 'node:crypto';
import { SEARCH_QUERY_MAX_LENGTH, type SearchResults } from '@parley/contracts';
import type { SearchOperation } from '@parley/projections';
import { createPostgresSearchIndex, type SearchIndex } from '@parley/search';
import { createTestDatabase, type TestDatabase } from '@parley/test-infra';
import { startTestGateway, TEST_WORKSPACE, type TestGateway } from '../testing/test-gateway';

const profile = (
  workspaceId: string,
  conversationId: string,
  name: string,
  position: string,
): SearchOperation => ({
  kind: 'contact-profile',
  workspaceId,
  conversationId,
  position,
  name,
  username: null,
});

const message = (
  workspaceId: string,
  conversationId: string,
  n: number,
  text: string,
): SearchOperation => ({
  kind: 'message',
  workspaceId,
  conversationId,
  position: String(100 + n),
  timelineItemId: `${conversationId}|m${n}`,
  text,
  orderKey: `${String(n).padStart(15, '0')}1${String(n).padStart(20, '0')}${String(n).padStart(20, '0')}`,
  direction: 'in',
  at: new Date(Date.UTC(2026, 11, 1, 12, 0, n)).toISOString(),
});

describe('GET /api/search (L2)', () => {
  let database: TestDatabase;
  let searchIndex: SearchIndex;
  let gateway: TestGateway;
  let token: string;

  const search = (query: string) => gateway.call(`/api/search${query}`, { token });

  beforeAll(async () => {
    database = await createTestDatabase('parley_gateway_search');
    searchIndex = await createPostgresSearchIndex({
      connectionString: database.url,
      schema: `search_${randomBytes(4).toString('hex')}`,
    });
    gateway = await startTestGateway({ searchIndex });
    token = (await gateway.signIn()).accessToken;
    await searchIndex.apply([
      profile(TEST_WORKSPACE, 'ws1:tg:1:1', 'Marina Petrova', '1'),
      profile(TEST_WORKSPACE, 'ws1:tg:1:2', 'Oleg Sidorov', '2'),
      message(TEST_WORKSPACE, 'ws1:tg:1:2', 1, 'Marina recommended you to me'),
      ...Array.from({ length: 25 }, (_, i) =>
        message(TEST_WORKSPACE, 'ws1:tg:1:3', i + 2, `invoice number ${i}`),
      ),
      profile('ws2', 'ws2:tg:1:1', 'Marina Secret', '3'),
      message('ws2', 'ws2:tg:1:1', 1, 'marina'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  it("given chats in the user's workspace and another, when searching a name, then the user's hits only, the name first", async () => {
    const { status, body } = await search('?q=marina');

    expect(status).toBe(200);
    const results = body as SearchResults;
    expect(results.query).toBe('marina');
    expect(results.hits.map((h) => [h.conversationId, h.matchedIn])).toEqual([
      ['ws1:tg:1:1', 'name'],
      ['ws1:tg:1:2', 'message'],
    ]);
    expect(results.hits[0]).toMatchObject({
      contactName: 'Marina Petrova',
      snippet: 'Marina Petrova',
      highlights: [[0, 6]],
      message: null,
    });
    expect(results.hits[1]).toMatchObject({
      contactName: 'Oleg Sidorov',
      snippet: 'Marina recommended you to me',
      highlights: [[0, 6]],
      message: { timelineItemId: 'ws1:tg:1:2|m1', direction: 'in' },
    });
  });

  it('given more hits than asked, then 20 by default, and `limit` when given', async () => {
    const byDefault = (await search('?q=invoice')).body as SearchResults;
    const five = (await search('?q=invoice&limit=5')).body as SearchResults;

    expect(byDefault.hits).toHaveLength(20);
    expect(five.hits).toHaveLength(5);
  });

  it('given bad parameters, then 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['', 'q'],
      ['?q=', 'q'],
      [`?q=${'a'.repeat(SEARCH_QUERY_MAX_LENGTH + 1)}`, 'q'],
      ['?q=a&limit=0', 'limit'],
      ['?q=a&limit=51', 'limit'],
      ['?q=a&limit=ten', 'limit'],
      ['?q=a&q=b', 'q'],
      ['?q=a&sort=name', 'sort'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await search(query);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect((body as { issues: { field: string }[] }).issues.map((i) => i.field)).toContain(field);
    }
  });

  it('given the longest query accepted, then 200', async () => {
    const { status } = await search(`?q=${'a'.repeat(SEARCH_QUERY_MAX_LENGTH)}`);

    expect(status).toBe(200);
  });

  it('given no access token, then 401', async () => {
    expect((await gateway.call('/api/search?q=marina')).status).toBe(401);
  });

  it('given a gateway without a search index, then 503', async () => {
    const bare = await startTestGateway();
    try {
      const { accessToken } = await bare.signIn();
      expect((await bare.call('/api/search?q=marina', { token: accessToken })).status).toBe(503);
    } finally {
      await bare.close();
    }
  });
});
