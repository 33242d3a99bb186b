import type { ChatListItem, ClientCard, Page, TimelineItem } from '@parley/contracts';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

const chat = (
  id: string,
  lastActivityAt: string,
  extra: Partial<ChatListItem> & Record<string, unknown> = {},
): ChatListItem & Record<string, unknown> => ({
  _id: id,
  workspaceId: 'ws1',
  channel: 'telegram',
  contact: { contactId: null, name: `Client ${id}`, username: null, avatarUrl: null },
  tags: [],
  lastMessage: null,
  lastActivityAt,
  status: 'new_message',
  unreadCount: 1,
  archived: false,
  responsibleManagerId: null,
  deal: null,
  languages: [],
  ...extra,
});

const timelineItem = (
  conversationId: string,
  n: number,
): TimelineItem & Record<string, unknown> => ({
  _id: `${conversationId}|m${n}`,
  workspaceId: 'ws1',
  conversationId,
  at: new Date(Date.UTC(2026, 10, 1, 12, 0, n)).toISOString(),
  seq: String(n).padStart(20, '0'),
  // As the projector writes it: milliseconds, then a client message's order and its seq.
  orderKey: `${String(Date.UTC(2026, 10, 1, 12, 0, n)).padStart(15, '0')}1${String(n).padStart(20, '0')}${String(n).padStart(20, '0')}`,
  actor: { kind: 'client', id: 'c1' },
  item: {
    kind: 'message',
    messageId: `m${n}`,
    direction: 'in',
    content: { kind: 'text', text: `message ${n}` },
    delivery: null,
  },
  _position: n,
});

describe('gateway queries over the read models (L1, L5, L6, C3, C5, R1)', () => {
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    token = (await gateway.signIn()).accessToken;
    const chats = gateway.readStore.collection('chats');
    const docs = [
      chat('ws1:tg:1:1', '2026-11-01T10:00:00.000Z', { _revision: 3 }),
      chat('ws1:tg:1:2', '2026-11-01T12:00:00.000Z', { pinned: true, handledBy: 'robot' }),
      chat('ws1:tg:1:3', '2026-11-01T11:00:00.000Z', { handledBy: 'manager' }),
      chat('ws1:tg:1:4', '2026-11-01T11:00:00.000Z', { pinned: false, handledBy: 'robot' }),
      chat('ws1:tg:1:5', '2026-11-01T09:00:00.000Z', { archived: true, pinned: true }),
      chat('ws2:tg:1:1', '2026-11-01T13:00:00.000Z', {
        workspaceId: 'ws2',
        pinned: true,
        handledBy: 'robot',
      }),
    ];
    for (const d of docs) await chats.replaceOne({ _id: d._id }, d, { upsert: true });
    const timeline = gateway.readStore.collection('timeline');
    for (let n = 1; n <= 12; n++) {
      const d = timelineItem('ws1:tg:1:1', n);
      await timeline.replaceOne({ _id: d._id }, d, { upsert: true });
    }
    const card: ClientCard & Record<string, unknown> = {
      _id: 'ws1:tg:1:1',
      workspaceId: 'ws1',
      contact: null,
      deal: {
        dealId: 'ws1:deal:tg:1',
        stage: 'new',
        line: 1,
        channel: 'telegram',
        createdAt: '2026-11-01T10:00:00.000Z',
      },
      _applied: { 'crm-ws1:deal:tg:1': 0 },
    };
    await gateway.readStore
      .collection('cards')
      .replaceOne({ _id: card._id }, card, { upsert: true });
    await gateway.readStore
      .collection('cards')
      .replaceOne(
        { _id: 'ws2:tg:1:1' },
        { ...card, _id: 'ws2:tg:1:1', workspaceId: 'ws2' },
        { upsert: true },
      );
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const { status, body } = await gateway.call(path, { token });
    return { status, body: body as T };
  };

  it('given chats in two workspaces, when listing, then only mine, not archived, newest activity first then _id descending', async () => {
    const { status, body } = await get<Page<ChatListItem>>('/api/chats');

    expect(status).toBe(200);
    expect(body.items.map((c) => c._id)).toEqual([
      'ws1:tg:1:2',
      'ws1:tg:1:4',
      'ws1:tg:1:3',
      'ws1:tg:1:1',
    ]);
    expect(body.nextCursor).toBeNull();
  });

  it('given a page size, when following nextCursor, then every chat comes once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=1&cursor=${encodeURIComponent(cursor)}` : '?limit=1';
      const page: { body: Page<ChatListItem> } = await get<Page<ChatListItem>>(
        `/api/chats${query}`,
      );
      seen.push(...page.body.items.map((c) => c._id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(seen).toEqual(['ws1:tg:1:2', 'ws1:tg:1:4', 'ws1:tg:1:3', 'ws1:tg:1:1']);
  });

  it('when asking for archived chats, then only those', async () => {
    const { body } = await get<Page<ChatListItem>>('/api/chats?archived=true');
    expect(body.items.map((c) => c._id)).toEqual(['ws1:tg:1:5']);
  });

  it('given a quick tab, then only its chats, archived ones under the toggle; a chat projected before pins is in All only (L8)', async () => {
    const ids = async (query: string) =>
      (await get<Page<ChatListItem>>(`/api/chats?${query}`)).body.items.map((c) => c._id);

    expect(await ids('tab=all')).toEqual(['ws1:tg:1:2', 'ws1:tg:1:4', 'ws1:tg:1:3', 'ws1:tg:1:1']);
    expect(await ids('tab=pinned')).toEqual(['ws1:tg:1:2']);
    expect(await ids('tab=auto')).toEqual(['ws1:tg:1:2', 'ws1:tg:1:4']);
    expect(await ids('tab=manual')).toEqual(['ws1:tg:1:3']);
    expect(await ids('tab=pinned&archived=true')).toEqual(['ws1:tg:1:5']);
    expect(await ids('tab=auto&archived=true')).toEqual([]);
  });

  it("when counting the tabs, then each tab's chats of my workspace, archived ones apart", async () => {
    expect((await get('/api/chats/tabs')).body).toEqual({
      all: 4,
      pinned: 1,
      manual: 1,
      auto: 2,
      ignored: 0,
    });
    expect((await get('/api/chats/tabs?archived=true')).body).toEqual({
      all: 1,
      pinned: 1,
      manual: 0,
      auto: 0,
      ignored: 0,
    });
    const bad = await get<{ issues: { field: string; reason: string }[] }>('/api/chats?tab=mine');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([
      { field: 'tab', reason: 'tab must be one of all, pinned, manual, auto, ignored' },
    ]);
  });

  it('given bad query params, then 400 naming each field', async () => {
    const tooMany = await get<{ issues: { field: string }[] }>('/api/chats?limit=500');
    const notBool = await get<{ issues: { field: string }[] }>('/api/chats?archived=maybe');
    const badCursor = await get<{ issues: { field: string }[] }>('/api/chats?cursor=zzz');
    const zero = await get<{ issues: { field: string }[] }>(
      '/api/chats/ws1:tg:1:1/timeline?limit=0',
    );

    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues.map((i) => i.field)).toEqual(['limit']);
    expect(notBool.status).toBe(400);
    expect(notBool.body.issues.map((i) => i.field)).toEqual(['archived']);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.issues.map((i) => i.field)).toEqual(['cursor']);
    expect(zero.status).toBe(400);
    expect(zero.body.issues.map((i) => i.field)).toEqual(['limit']);
  });

  it('when getting one chat, then it comes without the projector bookkeeping fields', async () => {
    const { status, body } = await get<Record<string, unknown>>('/api/chats/ws1:tg:1:1');

    expect(status).toBe(200);
    expect(body).toMatchObject({ _id: 'ws1:tg:1:1', contact: { name: 'Client ws1:tg:1:1' } });
    expect(body).not.toHaveProperty('_revision');
  });

  it("given an unknown id or another workspace's id, then 404 with a clear message", async () => {
    for (const path of [
      '/api/chats/ws1:tg:9:9',
      '/api/chats/ws2:tg:1:1',
      '/api/chats/ws2:tg:1:1/timeline',
      '/api/chats/ws2:tg:1:1/card',
      '/api/chats/ws1:tg:1:2/card',
    ]) {
      const { status, body } = await get<{ message: string }>(path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(body.message).toMatch(
        /^no (conversation|client card for conversation) ws\d:tg:\d:\d$/,
      );
    }
  });

  it('when reading the timeline, then the newest page oldest first, and `before` loads the page above', async () => {
    const newest = await get<Page<TimelineItem>>('/api/chats/ws1:tg:1:1/timeline?limit=5');

    expect(newest.status).toBe(200);
    expect(newest.body.items.map((i) => i._id)).toEqual(
      [8, 9, 10, 11, 12].map((n) => `ws1:tg:1:1|m${n}`),
    );
    expect(newest.body.items[0]).not.toHaveProperty('_position');
    expect(newest.body.nextCursor).toBe(newest.body.items[0]!.orderKey);

    const above = await get<Page<TimelineItem>>(
      `/api/chats/ws1:tg:1:1/timeline?limit=5&before=${newest.body.nextCursor}`,
    );
    expect(above.body.items.map((i) => i._id)).toEqual(
      [3, 4, 5, 6, 7].map((n) => `ws1:tg:1:1|m${n}`),
    );

    const top = await get<Page<TimelineItem>>(
      `/api/chats/ws1:tg:1:1/timeline?limit=5&before=${above.body.nextCursor}`,
    );
    expect(top.body.items.map((i) => i._id)).toEqual([1, 2].map((n) => `ws1:tg:1:1|m${n}`));
    expect(top.body.nextCursor).toBeNull();
  });

  it('when reading the card, then the contact and deal without bookkeeping fields', async () => {
    const { status, body } = await get<Record<string, unknown>>('/api/chats/ws1:tg:1:1/card');

    expect(status).toBe(200);
    expect(body).toEqual({
      _id: 'ws1:tg:1:1',
      workspaceId: 'ws1',
      contact: null,
      deal: {
        dealId: 'ws1:deal:tg:1',
        stage: 'new',
        line: 1,
        channel: 'telegram',
        createdAt: '2026-11-01T10:00:00.000Z',
      },
    });
  });
});
