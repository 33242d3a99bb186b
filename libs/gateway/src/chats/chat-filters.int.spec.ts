import { randomBytes } from 'node:crypto';
import type { ChatListItem, ChatTabCounts, Page } from '@parley/contracts';
import { createInMemoryReadStore, createMongoReadStore, type ReadStore } from '@parley/read-store';
import { reportSkip } from '@parley/test-infra';
import { chatDocument } from '../testing/seed-chats';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

type Issues = { issues: { field: string; reason: string }[] };

/**
 * Twelve chats of ws1 (and one of ws2 that matches every filter) whose fields each filter tells
 * apart; `at` is the hour of their last activity on 2026-11-01, so the list order is known.
 */
const chats = (me: string) => {
  const chat = (n: number, at: number, fields: Record<string, unknown> = {}) => ({
    ...chatDocument(`ws1:tg:1:${n}`),
    lastActivityAt: `2026-11-01T${String(at).padStart(2, '0')}:00:00.000Z`,
    status: 'read',
    unreadCount: 0,
    source: null,
    ...fields,
  });
  return [
    chat(1, 1, { tags: ['vip'], status: 'new_message', unreadCount: 2, responsibleManagerId: me }),
    chat(2, 2, { tags: ['vip', 'price'], status: 'sent', deal: { stage: 'new', line: 2 } }),
    chat(3, 3, { tags: ['price'], markedUnread: true, source: 'instagram' }),
    chat(4, 4, { status: 'error', responsibleManagerId: 'someone-else', source: 'facebook' }),
    chat(5, 5, { deal: { stage: 'won', line: 1 }, pinned: true, handledBy: 'manager' }),
    chat(6, 6, { handledBy: 'robot', responsibleManagerId: me, deal: { stage: 'x', line: 2 } }),
    chat(7, 7, { ignored: true, tags: ['vip'], unreadCount: 5, status: 'new_message' }),
    chat(8, 8, { archived: true, tags: ['vip'], responsibleManagerId: me }),
    chat(9, 9, { ignored: true, archived: true }),
    chat(10, 10, { status: 'new_system_notification', source: 'instagram' }),
    chat(11, 11, { pinned: true, handledBy: 'robot', unreadCount: 1, status: 'new_message' }),
    chat(12, 12, { tags: ['vip', 'price', 'hot'], responsibleManagerId: me }),
    {
      ...chat(1, 13, { tags: ['vip', 'price'], responsibleManagerId: me, source: 'instagram' }),
      _id: 'ws2:tg:1:1',
      workspaceId: 'ws2',
    },
  ];
};

const mongoUrl = process.env['MONGO_URL'];
if (!mongoUrl) reportSkip('chat filters on FerretDB: skipped (set MONGO_URL or run Docker)');

/** The embedded read store, and the production one (FerretDB here) when it can be reached. */
const readStores: [string, () => ReadStore | Promise<ReadStore>][] = [
  ['the in-memory read store', () => createInMemoryReadStore()],
  ...(mongoUrl
    ? [
        [
          'the MongoDB-wire read store',
          () =>
            createMongoReadStore({
              url: mongoUrl,
              dbName: `parley_test_${randomBytes(5).toString('hex')}`,
              serverSelectionTimeoutMS: 5_000,
            }),
        ] as [string, () => Promise<ReadStore>],
      ]
    : []),
];

describe.each(readStores)(
  'gateway: the chat list filters and quick tabs (issue 11, L3, L6, L8, L9) on %s',
  (_name, readStore) => {
    let gateway: TestGateway;
    let token: string;
    let me: string;

    beforeAll(async () => {
      gateway = await startTestGateway({ readStore: await readStore() });
      const session = await gateway.signIn();
      token = session.accessToken;
      me = session.user.id;
      const collection = gateway.readStore.collection('chats');
      for (const d of chats(me)) await collection.replaceOne({ _id: d._id }, d, { upsert: true });
    }, 60_000);

    afterAll(async () => {
      await gateway?.close();
    });

    const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
      const { status, body } = await gateway.call(path, { token });
      return { status, body: body as T };
    };
    /** The numbers of the chats listed, newest activity first. */
    const list = async (query: string): Promise<number[]> => {
      const { status, body } = await get<Page<ChatListItem>>(`/api/chats?${query}`);
      expect({ query, status }).toEqual({ query, status: 200 });
      return body.items.map((c) => Number(c._id.split(':').at(-1)));
    };

    it('given no filter, then every listed chat of my workspace but ignored and archived ones', async () => {
      expect(await list('')).toEqual([12, 11, 10, 6, 5, 4, 3, 2, 1]);
    });

    it('when filtering by tags, then any of them by default, each of them with tagsMode=all', async () => {
      expect(await list('tags=vip')).toEqual([12, 2, 1]);
      expect(await list('tags=vip,price')).toEqual([12, 3, 2, 1]);
      expect(await list('tags=vip,price&tagsMode=any')).toEqual([12, 3, 2, 1]);
      expect(await list('tags=vip,price&tagsMode=all')).toEqual([12, 2]);
      expect(await list('tags=nobody-has-it')).toEqual([]);
    });

    it('when filtering by status, then chats in any of the statuses', async () => {
      expect(await list('status=error')).toEqual([4]);
      expect(await list('status=new_message,sent')).toEqual([11, 2, 1]);
      expect(await list('status=new_system_notification')).toEqual([10]);
    });

    it('when filtering unread only, then chats with unread messages or marked unread (L9)', async () => {
      expect(await list('unread=true')).toEqual([11, 3, 1]);
      expect(await list('unread=false')).toEqual(await list(''));
    });

    it('when filtering by a date range, then last activity at or after from and before to', async () => {
      expect(await list('from=2026-11-01T04:00:00Z&to=2026-11-01T06:00:00Z')).toEqual([5, 4]);
      expect(await list('from=2026-11-01T11:00:00.000Z')).toEqual([12, 11]);
      expect(await list('to=2026-11-01T03:00:00%2B01:00')).toEqual([1]);
      expect(await list('from=2026-11-02')).toEqual([]);
    });

    it('when filtering by responsible manager, then me, nobody, or that user', async () => {
      expect(await list('manager=me')).toEqual([12, 6, 1]);
      expect(await list(`manager=${me}`)).toEqual([12, 6, 1]);
      expect(await list('manager=none')).toEqual([11, 10, 5, 3, 2]);
      expect(await list('manager=someone-else')).toEqual([4]);
    });

    it('when filtering by source, channel and line, then those chats', async () => {
      expect(await list('source=instagram')).toEqual([10, 3]);
      expect(await list('source=facebook')).toEqual([4]);
      expect(await list('channel=telegram')).toEqual(await list(''));
      expect(await list('line=2')).toEqual([6, 2]);
      expect(await list('line=1')).toEqual([5]);
    });

    it('when filters are combined, with a tab and the archive toggle, then chats that pass each', async () => {
      expect(await list('tags=vip&manager=me')).toEqual([12, 1]);
      expect(await list('tags=vip&manager=me&archived=true')).toEqual([8]);
      expect(await list('tab=auto&unread=true')).toEqual([11]);
      expect(await list('tab=pinned&manager=none')).toEqual([11, 5]);
      expect(await list('tab=ignored&tags=vip')).toEqual([7]);
      expect(await list('line=2&unread=true')).toEqual([]);
    });

    it('given each quick tab, then its chats; an ignored chat only under Ignored (L8)', async () => {
      expect(await list('tab=all')).toEqual([12, 11, 10, 6, 5, 4, 3, 2, 1]);
      expect(await list('tab=pinned')).toEqual([11, 5]);
      expect(await list('tab=manual')).toEqual([5]);
      expect(await list('tab=auto')).toEqual([11, 6]);
      expect(await list('tab=ignored')).toEqual([7]);
      expect(await list('tab=ignored&archived=true')).toEqual([9]);
      expect(await list('tab=all&archived=true')).toEqual([8]);
    });

    it("when counting the tabs with filters, then each tab's count is what its list shows; an ignored client's unread chat counts only under Ignored", async () => {
      const counts = async (query: string) =>
        (await get<ChatTabCounts>(`/api/chats/tabs?${query}`)).body;

      expect(await counts('')).toEqual({ all: 9, pinned: 2, manual: 1, auto: 2, ignored: 1 });
      expect(await counts('unread=true')).toEqual({
        all: 3,
        pinned: 1,
        manual: 0,
        auto: 1,
        ignored: 1,
      });
      expect(await counts('tags=vip&manager=me')).toEqual({
        all: 2,
        pinned: 0,
        manual: 0,
        auto: 0,
        ignored: 0,
      });
      expect(await counts('archived=true&tags=vip')).toEqual({
        all: 1,
        pinned: 0,
        manual: 0,
        auto: 0,
        ignored: 0,
      });
    });

    it('given a page size and filters, when following nextCursor, then the filtered chats once each', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `tags=vip,price&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { body: Page<ChatListItem> } = await get<Page<ChatListItem>>(
          `/api/chats?${query}`,
        );
        seen.push(...page.body.items.map((c) => Number(c._id.split(':').at(-1))));
        cursor = page.body.nextCursor;
      } while (cursor && seen.length < 20);
      expect(seen).toEqual([12, 3, 2, 1]);
    });

    it.each([
      [
        'status=new_message,closed',
        'status',
        /status must be a comma-separated list of .*unknown closed/,
      ],
      ['status=', 'status', /status must be a comma-separated list/],
      ['from=yesterday', 'from', /from must be an ISO 8601 date/],
      ['to=2026-02-30', 'to', /to must be an ISO 8601 date/],
      [
        'from=2026-11-01T10:00:00',
        'from',
        /from must be an ISO 8601 date or a date-time with its offset/,
      ],
      ['from=2026-11-02&to=2026-11-01', 'to', /to must be later than from/],
      ['line=3', 'line', /line must be 1 or 2/],
      ['line=two', 'line', /line must be 1 or 2/],
      [
        `tags=${Array.from({ length: 21 }, (_, i) => `t${i}`).join(',')}`,
        'tags',
        /tags may name at most 20 tags \(21 given\)/,
      ],
      [`tags=${'x'.repeat(41)}`, 'tags', /tag names of 1 to 40 characters/],
      ['tagsMode=some', 'tagsMode', /tagsMode must be any or all/],
      ['unread=yes', 'unread', /unread must be a boolean/],
      ['manager=a%20b', 'manager', /manager must be me, none or a user id/],
      ['channel=whatsapp', 'channel', /channel must be telegram/],
      ['source=', 'source', /source must be 1 to 100 characters/],
      ['colour=red', 'colour', /should not exist/],
    ])('given %s, then 400 naming %s and why', async (query, field, reason) => {
      for (const path of [`/api/chats?${query}`, `/api/chats/tabs?${query}`]) {
        const { status, body } = await get<Issues>(path);
        expect({ path, status }).toEqual({ path, status: 400 });
        expect(body.issues).toEqual([{ field, reason: expect.stringMatching(reason) }]);
      }
    });
  },
);
