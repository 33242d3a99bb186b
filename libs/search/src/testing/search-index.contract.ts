import { randomBytes } from 'node:crypto';
import type { SearchHit } from '@parley/contracts';
import type { SearchOperation } from '@parley/projections';
import type { SearchIndex } from '../search-index.port';

export interface SearchIndexUnderTest {
  readonly index: SearchIndex;
  /** Close the index and remove what the suite created. */
  cleanup(): Promise<void>;
}

/** A workspace of its own per test: one index serves the suite, tests never see each other. */
const uniqueWorkspace = (): string => `ws-${randomBytes(5).toString('hex')}`;

let positions = 0;
/** Log positions, increasing through the suite as a log's would. */
const nextPosition = (): string => String(++positions);

const orderKeyAt = (n: number): string => `${String(n).padStart(15, '0')}0${'1'.padStart(20, '0')}`;

/** Operations for one conversation of a workspace, as the search projection writes them. */
const conversationIn = (workspaceId: string, conversationId: string) => ({
  profile: (name: string, username: string | null = null): SearchOperation => ({
    kind: 'contact-profile',
    workspaceId,
    conversationId,
    position: nextPosition(),
    name,
    username,
  }),
  tags: (...tags: string[]): SearchOperation => ({
    kind: 'contact-tags',
    workspaceId,
    conversationId,
    position: nextPosition(),
    tags,
  }),
  activity: (at: string): SearchOperation => ({
    kind: 'conversation-activity',
    workspaceId,
    conversationId,
    at,
  }),
  message: (messageId: string, text: string, n = 1, direction: 'in' | 'out' = 'in') =>
    ({
      kind: 'message',
      workspaceId,
      conversationId,
      position: nextPosition(),
      timelineItemId: `${conversationId}|${messageId}`,
      text,
      orderKey: orderKeyAt(n),
      direction,
      at: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(),
    }) satisfies SearchOperation,
  language: (messageId: string, language: string): SearchOperation => ({
    kind: 'message-language',
    workspaceId,
    conversationId,
    position: nextPosition(),
    timelineItemId: `${conversationId}|${messageId}`,
    language,
  }),
  translation: (messageId: string, text: string, language: string): SearchOperation => ({
    kind: 'message-translation',
    workspaceId,
    conversationId,
    position: nextPosition(),
    timelineItemId: `${conversationId}|${messageId}`,
    text,
    language,
  }),
});

/** The highlighted parts of a hit's snippet. */
const highlighted = (hit: SearchHit): string[] =>
  hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));

/**
 * The contract every SearchIndex adapter keeps (docs/style.md 15): stemming in Russian, English
 * and Spanish, parts of names and misspelt names, tags, translations, highlights on the matched
 * words, the limit, the ranking, idempotent operations, and workspaces that never meet.
 */
export const describeSearchIndexContract = (
  adapter: string,
  open: () => Promise<SearchIndexUnderTest>,
): void => {
  describe(`SearchIndex contract: ${adapter}`, () => {
    let subject: SearchIndexUnderTest;
    let index: SearchIndex;
    let ws: string;

    beforeAll(async () => {
      subject = await open();
      index = subject.index;
    }, 120_000);

    afterAll(async () => {
      await subject?.cleanup();
    });

    beforeEach(() => {
      ws = uniqueWorkspace();
    });

    it('given a Russian message, when searched by another form of a word, then it is found and the word highlighted', async () => {
      const c = conversationIn(ws, 'c-ru');
      const sent = c.message('m1', 'Здравствуйте! Хочу купить два телефона для жены', 3);
      await index.apply([c.profile('Анна Каренина'), sent, c.language('m1', 'ru')]);

      const hits = await index.search(ws, 'телефоны', 10);

      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({
        conversationId: 'c-ru',
        contactName: 'Анна Каренина',
        matchedIn: 'message',
        message: {
          timelineItemId: 'c-ru|m1',
          orderKey: sent.orderKey,
          direction: 'in',
          at: sent.at,
        },
        snippet: 'Здравствуйте! Хочу купить два телефона для жены',
      });
      expect(highlighted(hits[0]!)).toEqual(['телефона']);
      expect(highlighted((await index.search(ws, 'купил', 10))[0]!)).toEqual(['купить']);
    });

    it('given an English message, when searched by the stem of a word, then it is found', async () => {
      const c = conversationIn(ws, 'c-en');
      await index.apply([
        c.message('m1', 'I was running late for the meeting'),
        c.language('m1', 'en'),
      ]);

      const hits = await index.search(ws, 'runs', 10);

      expect(hits.map((h) => h.conversationId)).toEqual(['c-en']);
      expect(highlighted(hits[0]!)).toEqual(['running']);
    });

    it('given a Spanish message, when searched by the singular and without accents, then it is found', async () => {
      const c = conversationIn(ws, 'c-es');
      await index.apply([
        c.language('m1', 'es'),
        c.message('m1', 'Las casas del campo están en la canción'),
      ]);

      const houses = await index.search(ws, 'casa', 10);
      const song = await index.search(ws, 'cancion', 10);

      expect(highlighted(houses[0]!)).toEqual(['casas']);
      expect(highlighted(song[0]!)).toEqual(['canción']);
    });

    it('given a message whose language is not known, when searched by a word as written, then it is found', async () => {
      const c = conversationIn(ws, 'c-x');
      await index.apply([c.message('m1', 'Bitte schicken Sie die Rechnung')]);

      const hits = await index.search(ws, 'Rechnung', 10);

      expect(hits.map((h) => h.matchedIn)).toEqual(['message']);
      expect(highlighted(hits[0]!)).toEqual(['Rechnung']);
    });

    it('given a contact, when searched by the start of a name, then the name matches with the part highlighted', async () => {
      const c = conversationIn(ws, 'c-name');
      await index.apply([
        c.profile('Aleksandra Petrova', 'sasha_p'),
        c.activity('2026-12-01T09:00:00.000Z'),
      ]);

      const [hit, ...rest] = await index.search(ws, 'petr', 10);

      expect(rest).toEqual([]);
      expect(hit).toEqual({
        conversationId: 'c-name',
        contactName: 'Aleksandra Petrova',
        username: 'sasha_p',
        tags: [],
        matchedIn: 'name',
        message: null,
        snippet: 'Aleksandra Petrova',
        highlights: [[11, 15]],
        lastActivityAt: '2026-12-01T09:00:00.000Z',
      });
    });

    it('given a contact, when the name is misspelt, then it is still found, the alike word highlighted', async () => {
      const c = conversationIn(ws, 'c-typo');
      const other = conversationIn(ws, 'c-other');
      await index.apply([c.profile('Aleksandra Petrova'), other.profile('Boris Ivanov')]);

      const hits = await index.search(ws, 'Petorva', 10);

      expect(hits.map((h) => [h.conversationId, h.matchedIn])).toEqual([['c-typo', 'name']]);
      expect(highlighted(hits[0]!)).toEqual(['Petrova']);
    });

    it('given a name with accents, when searched without them, then it is found', async () => {
      const c = conversationIn(ws, 'c-accent');
      await index.apply([c.profile('José García')]);

      const hits = await index.search(ws, 'jose garcia', 10);

      expect(hits.map((h) => h.matchedIn)).toEqual(['name']);
      expect(highlighted(hits[0]!)).toEqual(['José García']);
    });

    it('given a username, when searched with its @, then the username matches', async () => {
      const c = conversationIn(ws, 'c-user');
      await index.apply([c.profile('Ann', 'ann_karenina')]);

      const hits = await index.search(ws, '@ann_kar', 10);

      expect(hits.map((h) => [h.matchedIn, h.snippet])).toEqual([['username', '@ann_karenina']]);
      expect(highlighted(hits[0]!)).toEqual(['ann_kar']);
    });

    it('given a tag, when searched by it, then the tag matches; removed, it no longer does', async () => {
      const c = conversationIn(ws, 'c-tag');
      await index.apply([c.profile('Ivan'), c.tags('wholesale', 'vip')]);

      const hits = await index.search(ws, 'Wholesale', 10);
      expect(hits.map((h) => [h.matchedIn, h.snippet, h.tags])).toEqual([
        ['tag', 'wholesale', ['wholesale', 'vip']],
      ]);
      expect(highlighted(hits[0]!)).toEqual(['wholesale']);

      await index.apply([c.tags('vip')]);
      expect(await index.search(ws, 'wholesale', 10)).toEqual([]);
    });

    it('given a translation, when searched by one of its words, then the message is found in translation', async () => {
      const c = conversationIn(ws, 'c-tr');
      // The translation can arrive before the message itself (topics are read independently).
      await index.apply([c.translation('m1', 'I would like to buy two phones', 'en')]);
      expect(await index.search(ws, 'phone', 10)).toEqual([]);
      const sent = c.message('m1', 'Хочу купить два телефона', 4);
      await index.apply([sent, c.language('m1', 'ru')]);

      const hits = await index.search(ws, 'phone', 10);

      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({
        matchedIn: 'translation',
        message: { timelineItemId: 'c-tr|m1', orderKey: sent.orderKey },
        snippet: 'I would like to buy two phones',
      });
      expect(highlighted(hits[0]!)).toEqual(['phones']);
    });

    it("given another workspace's contacts and messages, when searching, then they are never returned", async () => {
      const elsewhere = uniqueWorkspace();
      const theirs = conversationIn(elsewhere, 'c-shared-id');
      const ours = conversationIn(ws, 'c-ours');
      await index.apply([
        theirs.profile('Marina Secret', 'marina'),
        theirs.tags('marina'),
        theirs.message('m1', 'marina marina marina'),
        ours.profile('Oleg'),
      ]);

      expect(await index.search(ws, 'marina', 50)).toEqual([]);
      expect((await index.search(elsewhere, 'marina', 50)).length).toBeGreaterThan(0);
    });

    it('given more matches than the limit, then only the limit, best first', async () => {
      const c = conversationIn(ws, 'c-many');
      await index.apply(
        Array.from({ length: 6 }, (_, i) => c.message(`m${i}`, `delivery number ${i}`, i + 1)),
      );

      const hits = await index.search(ws, 'delivery', 3);

      expect(hits).toHaveLength(3);
      // Equal ranks: the newest message first.
      expect(hits.map((h) => h.message?.timelineItemId)).toEqual([
        'c-many|m5',
        'c-many|m4',
        'c-many|m3',
      ]);
    });

    it('given a name, a tag and a message that match, then the name ranks first, the tag next, the message last', async () => {
      const byMessage = conversationIn(ws, 'c-message');
      const byTag = conversationIn(ws, 'c-tag');
      const byName = conversationIn(ws, 'c-name');
      const byPrefix = conversationIn(ws, 'c-prefix');
      await index.apply([
        byMessage.profile('Pedro'),
        byMessage.message('m1', 'Sofia said she will call'),
        byTag.profile('Lucia'),
        byTag.tags('sofia'),
        byPrefix.profile('Sofiane Diallo'),
        byName.profile('Sofia'),
      ]);

      const hits = await index.search(ws, 'sofia', 10);

      expect(hits.map((h) => [h.conversationId, h.matchedIn])).toEqual([
        ['c-name', 'name'],
        ['c-prefix', 'name'],
        ['c-tag', 'tag'],
        ['c-message', 'message'],
      ]);
    });

    it('given a misspelt name (the weakest contact match) and a message holding the word as written, then the contact ranks first; with a limit of one, only it', async () => {
      // The adapters skip the message statement once contacts fill the page: sound only while
      // every contact hit outscores every message hit, which this pins.
      const byName = conversationIn(ws, 'c-alike');
      const byMessage = conversationIn(ws, 'c-said');
      await index.apply([
        byName.profile('Aleksandra Petrova'),
        byMessage.profile('Boris'),
        byMessage.message('m1', 'Petorva Petorva Petorva', 1),
      ]);

      expect((await index.search(ws, 'Petorva', 10)).map((h) => h.conversationId)).toEqual([
        'c-alike',
        'c-said',
      ]);
      expect((await index.search(ws, 'Petorva', 1)).map((h) => h.conversationId)).toEqual([
        'c-alike',
      ]);
    });

    it('given operations applied twice, or an older one after a newer, then nothing changes', async () => {
      const c = conversationIn(ws, 'c-idem');
      const older = c.profile('Old Name');
      const newer = c.profile('New Name');
      const oldText = c.message('m1', 'first words', 1);
      const newText = {
        ...c.message('m1', 'second words', 1),
        orderKey: null,
        direction: null,
        at: null,
      };
      await index.apply([newer, older, newer, newText, oldText, newText]);

      expect(await index.search(ws, 'old', 10)).toEqual([]);
      expect((await index.search(ws, 'new name', 10)).map((h) => h.contactName)).toEqual([
        'New Name',
      ]);
      expect(await index.search(ws, 'first', 10)).toEqual([]);
      const [hit] = await index.search(ws, 'second', 10);
      expect(hit?.message).toMatchObject({
        timelineItemId: 'c-idem|m1',
        orderKey: oldText.orderKey,
      });
    });

    it('given a long message, then the snippet is a window around the match with ellipses', async () => {
      const c = conversationIn(ws, 'c-long');
      const filler = 'lorem ipsum dolor sit amet '.repeat(12);
      await index.apply([c.message('m1', `${filler}the parcel arrived broken ${filler}`)]);

      const [hit] = await index.search(ws, 'parcel', 10);

      expect(hit!.snippet.startsWith('…')).toBe(true);
      expect(hit!.snippet.endsWith('…')).toBe(true);
      expect(hit!.snippet.length).toBeLessThanOrEqual(162);
      expect(highlighted(hit!)).toEqual(['parcel']);
    });

    it('given an empty query or punctuation only, then no hits', async () => {
      const c = conversationIn(ws, 'c-empty');
      await index.apply([c.profile('Anna'), c.message('m1', 'hello')]);

      expect(await index.search(ws, '   ', 10)).toEqual([]);
      expect(await index.search(ws, '@', 10)).toEqual([]);
      expect(await index.search(ws, '%', 10)).toEqual([]);
    });

    it('given catch-up positions marked, then the latest is kept, never an older one', async () => {
      const before = await index.caughtUpThrough();
      const base = BigInt(before ?? '0');

      await index.markCaughtUp(String(base + 10n));
      await index.markCaughtUp(String(base + 5n));

      expect(await index.caughtUpThrough()).toBe(String(base + 10n));
    });

    it('reports healthy while it can answer', async () => {
      await expect(index.check()).resolves.toBeUndefined();
    });
  });
};
