import type { ChatListItem, Page } from '@parley/contracts';
import { chatDocument } from '../testing/seed-chats';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

const CHATS = 40;
const id = (n: number) => `ws1:tg:1:${String(n).padStart(2, '0')}`;
/** Two chats share each minute, so the `_id` tie-break is crossed by page ends too. */
const initialActivity = (n: number) =>
  new Date(Date.UTC(2026, 10, 1, 10, Math.floor(n / 2))).toISOString();

describe('gateway: chat list pages while chats move to the top (issue 11)', () => {
  let gateway: TestGateway;
  let token: string;
  let clock = Date.UTC(2026, 10, 2, 9, 0);

  beforeAll(async () => {
    gateway = await startTestGateway();
    token = (await gateway.signIn()).accessToken;
    const chats = gateway.readStore.collection('chats');
    for (let n = 0; n < CHATS; n++) {
      const d = { ...chatDocument(id(n)), lastActivityAt: initialActivity(n) };
      await chats.replaceOne({ _id: d._id }, d, { upsert: true });
    }
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  const page = async (cursor: string | null): Promise<Page<ChatListItem>> => {
    const query = `limit=5${cursor ? `&cursor=${cursor}` : ''}`;
    const { status, body } = await gateway.call(`/api/chats?${query}`, { token });
    expect(status).toBe(200);
    return body as Page<ChatListItem>;
  };

  /** A client writes in the chat: as the projector applies it, activity only ever goes up. */
  const newMessage = async (chatId: string): Promise<void> => {
    clock += 60_000;
    await gateway.readStore
      .collection('chats')
      .updateOne(
        { _id: chatId },
        { $max: { lastActivityAt: new Date(clock).toISOString() }, $inc: { unreadCount: 1 } },
      );
  };

  it('given chats that get new messages between pages, then no chat comes twice and every chat that did not move comes once', async () => {
    const seen: string[] = [];
    const moved = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { items, nextCursor } = await page(cursor);
      seen.push(...items.map((c) => c._id));
      cursor = nextCursor;
      pages++;
      // Under the manager's scroll: a chat already seen moves to the top, and so do the chat
      // just below the page's end (the next page would have started with it) and the oldest.
      const notYetSeen = Array.from({ length: CHATS }, (_, n) => id(n)).filter(
        (c) => !seen.includes(c) && !moved.has(c),
      );
      const movers = [seen[pages % seen.length]!, notYetSeen.at(-1), notYetSeen[0]];
      for (const chatId of movers) {
        if (chatId === undefined) continue;
        moved.add(chatId);
        await newMessage(chatId);
      }
    } while (cursor && pages < 30);

    expect(cursor).toBeNull();
    expect(seen.length).toBe(new Set(seen).size);
    const stayed = Array.from({ length: CHATS }, (_, n) => id(n)).filter((c) => !moved.has(c));
    expect(stayed.length).toBeGreaterThan(10);
    expect(stayed.filter((c) => !seen.includes(c))).toEqual([]);
    // What moved up after the manager passed it is at the top of a fresh first page, where the
    // live change sends the web app to look.
    const top = (await page(null)).items.map((c) => c._id);
    expect(moved.has(top[0]!)).toBe(true);
  });

  it('given the same activity time on both sides of a page end, then the _id breaks the tie: none skipped, none repeated', async () => {
    const chats = gateway.readStore.collection('chats');
    const same = '2026-11-03T10:00:00.000Z';
    for (let n = 0; n < CHATS; n++) {
      await chats.updateOne({ _id: id(n) }, { $set: { lastActivityAt: same } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { items, nextCursor } = await page(cursor);
      seen.push(...items.map((c) => c._id));
      cursor = nextCursor;
    } while (cursor && seen.length <= CHATS);
    expect(seen).toEqual(Array.from({ length: CHATS }, (_, n) => id(CHATS - 1 - n)));
  });
});
