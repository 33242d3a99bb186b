import { CHATS_COLLECTION } from '@parley/contracts';
import {
  createInMemoryReadStore,
  type Filter,
  type FindOptions,
  type ReadCollection,
  type ReadDocument,
} from '@parley/read-store';
import {
  measure,
  progress,
  type BenchOptions,
  type BenchOutcome,
  type Comparison,
  type Measurement,
} from './report';
import { seededRandom as random } from '@parley/test-infra';

/**
 * Embedded chat list first page, 100,000 chats (issue 11, "Read models at scale"): one
 * workspace's chats in the in-memory read store, the gateway's first-page query (tab "all",
 * not archived, newest activity first, 50 + 1) and the same query filtered by a tag, each timed
 * through the chat list's index (`chats_by_activity`, as ensureReadModelIndexes declares it)
 * beside the full scan of a store without it, in the same run; both answer the same first.
 * A third pair times loading the chats with the index maintained and without.
 */

const PAGE = 50;
const TAGS = 50;

const chatDocuments = (count: number): ReadDocument[] => {
  const next = random(11);
  const base = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i): ReadDocument => {
    // Seconds over ~90 days: some chats share lastActivityAt, so _id breaks ties.
    const at = new Date(base + Math.floor(next() * 90 * 24 * 3600) * 1000).toISOString();
    return {
      _id: `conv-${String(i).padStart(6, '0')}`,
      workspaceId: 'w1',
      channel: 'telegram',
      contact: { contactId: `contact-${i}`, name: `Client ${i}`, username: null, avatarUrl: null },
      tags: [`tag-${Math.floor(next() * TAGS)}`, `tag-${Math.floor(next() * TAGS)}`],
      lastMessage: { direction: 'in', kind: 'text', preview: `Message of chat ${i}`, at },
      lastActivityAt: at,
      status: 'new_message',
      unreadCount: Math.floor(next() * 5),
      archived: next() < 0.1,
      pinned: false,
      ignored: next() < 0.02,
      responsibleManagerId: null,
      deal: null,
      languages: ['en'],
    };
  });
};

/** The gateway's first page of tab "all" (ChatQueries.chatList), optionally with a tag. */
const firstPage = (tag?: string): { filter: Filter; options: FindOptions } => ({
  filter: {
    ignored: { $ne: true },
    workspaceId: 'w1',
    archived: false,
    ...(tag ? { tags: tag } : {}),
  },
  options: { sort: { lastActivityAt: -1, _id: -1 }, limit: PAGE + 1 },
});

const load = async (chats: ReadCollection, documents: readonly ReadDocument[]): Promise<void> => {
  for (const d of documents) await chats.replaceOne({ _id: d._id }, d, { upsert: true });
};

export const embeddedChatList = async ({ quick }: BenchOptions): Promise<BenchOutcome> => {
  const count = quick ? 10_000 : 100_000;
  const queries = quick ? 100 : 300;
  progress(`embedded chat list: ${count} chats of one workspace, ${queries} first pages each`);
  const documents = chatDocuments(count);
  const indexedStore = createInMemoryReadStore();
  const scannedStore = createInMemoryReadStore();
  const comparisons: Comparison[] = [];
  try {
    const indexed = indexedStore.collection(CHATS_COLLECTION);
    const scanned = scannedStore.collection(CHATS_COLLECTION);
    await indexed.createIndex({
      keys: { workspaceId: 1, lastActivityAt: -1 },
      name: 'chats_by_activity',
    });
    const loadScanned = await measure(
      'replaceOne upsert, no index',
      count,
      () => load(scanned, documents),
      {
        latencies: false,
      },
    );
    const loadIndexed = await measure(
      'replaceOne upsert, chats_by_activity kept',
      count,
      () => load(indexed, documents),
      { latencies: false },
    );
    comparisons.push({
      title: 'embedded-chat-list / load',
      work: `${count} chats stored one by one, with the chat list's index kept in order (ours) and without`,
      ours: loadIndexed,
      baseline: loadScanned,
    });

    for (const [label, tagOf] of [
      ['first page', () => undefined],
      ['first page, one tag of 50', (q: number) => `tag-${q % TAGS}`],
    ] as const) {
      for (let q = 0; q < TAGS; q += 1) {
        const { filter, options } = firstPage(tagOf(q));
        const [ours, base] = [
          await indexed.find(filter, options),
          await scanned.find(filter, options),
        ];
        const same = ours.length === base.length && ours.every((d, i) => d._id === base[i]?._id);
        if (!same || ours.length !== PAGE + 1) {
          throw new Error(`indexed and scanned chat lists disagree (${label}, query ${q})`);
        }
      }
      const timed = (chats: ReadCollection, variant: string): Promise<Measurement> =>
        measure(variant, queries, async (rec) => {
          for (let q = 0; q < queries; q += 1) {
            const { filter, options } = firstPage(tagOf(q));
            await rec.time(() => chats.find(filter, options));
          }
        });
      const baseline = await timed(scanned, 'find, full scan (no index)');
      const ours = await timed(indexed, 'find through chats_by_activity');
      comparisons.push({
        title: `embedded-chat-list / ${label}`,
        work: `embedded chat list first page, ${count.toLocaleString('en-US')} chats: ${label} (${PAGE} + 1, newest first), ${queries} queries`,
        ours,
        baseline,
      });
    }
  } finally {
    await indexedStore.close();
    await scannedStore.close();
  }
  return { comparisons, skipped: [] };
};
