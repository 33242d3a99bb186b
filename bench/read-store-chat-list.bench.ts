import { CHATS_COLLECTION, type ChatListItem, type ChatStatus } from '@parley/contracts';
import { createInMemoryReadStore, type ReadDocument } from '@parley/read-store';
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
 * Read store chat list: the gateway's first page of the chat list, the query
 * find({workspaceId, archived: false}, {sort: {lastActivityAt: -1, _id: -1}, limit: 50}),
 * run Q times on the in-memory read store holding D chat documents, against a plain array
 * filter + sort + slice of the same documents. Both answers are compared before timing.
 * A second pair times loading the D documents (replaceOne upserts vs array push).
 */

type ChatDocument = ChatListItem & ReadDocument;

const WORKSPACES = 4;
const PAGE = 50;
const STATUSES: readonly ChatStatus[] = ['new_message', 'new_system_notification', 'sent', 'read'];

const chatDocuments = (count: number): ChatDocument[] => {
  const next = random(42);
  const base = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i): ChatDocument => {
    // Seconds resolution over ~30 days: some documents share lastActivityAt, so _id breaks ties.
    const at = new Date(base + Math.floor(next() * 30 * 24 * 3600) * 1000).toISOString();
    const hasContact = next() < 0.8;
    return {
      _id: `conv-${String(i).padStart(6, '0')}`,
      workspaceId: `w${i % WORKSPACES}`,
      channel: 'telegram',
      contact: {
        contactId: hasContact ? `contact-${i}` : null,
        name: `Client ${i}`,
        username: next() < 0.5 ? `client_${i}` : null,
        avatarUrl: null,
      },
      tags: next() < 0.3 ? ['vip', 'lead'] : [],
      lastMessage: {
        direction: next() < 0.6 ? 'in' : 'out',
        kind: 'text',
        preview: `Hello, this is the last message of chat ${i}, about the premium plan`,
        at,
      },
      lastActivityAt: at,
      status: STATUSES[Math.floor(next() * STATUSES.length)] ?? 'read',
      unreadCount: Math.floor(next() * 5),
      archived: next() < 0.1,
      responsibleManagerId: next() < 0.5 ? 'manager-1' : null,
      deal: hasContact ? { stage: 'new', line: 1 } : null,
      languages: ['en'],
    };
  });
};

const byActivityThenIdDescending = (a: ChatDocument, b: ChatDocument): number => {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt < b.lastActivityAt ? 1 : -1;
  if (a._id !== b._id) return a._id < b._id ? 1 : -1;
  return 0;
};

const arrayQuery = (documents: readonly ChatDocument[], workspaceId: string): ChatDocument[] =>
  documents
    .filter((d) => d.workspaceId === workspaceId && d.archived === false)
    .sort(byActivityThenIdDescending)
    .slice(0, PAGE);

const sameIds = (a: readonly ChatDocument[], b: readonly ChatDocument[]): boolean =>
  a.length === b.length && a.every((d, i) => d._id === b[i]?._id);

export const readStoreChatList = async ({ quick }: BenchOptions): Promise<BenchOutcome> => {
  const count = quick ? 5000 : 20_000;
  const queries = quick ? 50 : 200;
  progress(`read store: ${count} chat documents, ${queries} chat-list queries`);
  const documents = chatDocuments(count);
  const workspaceOf = (q: number): string => `w${q % WORKSPACES}`;

  const store = createInMemoryReadStore();
  const comparisons: Comparison[] = [];
  try {
    const chats = store.collection<ChatDocument>(CHATS_COLLECTION);
    let array: ChatDocument[] = [];

    const loadBaseline = await measure(
      'array push',
      count,
      async () => {
        array = [];
        for (const d of documents) array.push(d);
      },
      { latencies: false },
    );
    const loadOurs = await measure(
      'createInMemoryReadStore replaceOne upsert',
      count,
      async () => {
        for (const d of documents) await chats.replaceOne({ _id: d._id }, d, { upsert: true });
      },
      { latencies: false },
    );
    comparisons.push({
      title: 'read-store-chat-list / load',
      work: `${count} chat documents stored one by one`,
      ours: loadOurs,
      baseline: loadBaseline,
    });

    const ourQuery = (workspaceId: string): Promise<ChatDocument[]> =>
      chats.find(
        { workspaceId, archived: false },
        { sort: { lastActivityAt: -1, _id: -1 }, limit: PAGE },
      );
    // Same answer first (and a warm-up for both).
    for (let w = 0; w < WORKSPACES; w += 1) {
      const ours = await ourQuery(workspaceOf(w));
      const baseline = arrayQuery(array, workspaceOf(w));
      if (ours.length !== PAGE || !sameIds(ours, baseline)) {
        throw new Error(`read store and array disagree on the chat list of ${workspaceOf(w)}`);
      }
    }

    const baseline: Measurement = await measure(
      'array filter + sort + slice',
      queries,
      async (rec) => {
        for (let q = 0; q < queries; q += 1) {
          await rec.time(async () => arrayQuery(array, workspaceOf(q)));
        }
      },
    );
    const ours: Measurement = await measure(
      'createInMemoryReadStore find',
      queries,
      async (rec) => {
        for (let q = 0; q < queries; q += 1) await rec.time(() => ourQuery(workspaceOf(q)));
      },
    );
    comparisons.push({
      title: 'read-store-chat-list / query',
      work:
        `first page (${PAGE}) of the chat list of one of ${WORKSPACES} workspaces ` +
        `(~${Math.round((count / WORKSPACES) * 0.9)} matching of ${count}), ${queries} queries`,
      ours,
      baseline,
    });
  } finally {
    await store.close();
  }
  return { comparisons, skipped: [] };
};
