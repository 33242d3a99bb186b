import { Query } from 'mingo';
import mongoose from 'mongoose';

type MongoDocument = mongoose.mongo.BSON.Document;
import {
  CARDS_COLLECTION,
  CHATS_COLLECTION,
  TIMELINE_COLLECTION,
  type User,
} from '@parley/contracts';
import { ChatQueries, type ChatListQuery } from '@parley/gateway';
import { projectEvent, projectWorkspaceEvent } from '@parley/projections';
import { ensureReadModelIndexes, StagedWrites } from '@parley/projector-service';
import {
  createInMemoryReadStore,
  createMongoReadStore,
  type FindOptions,
  type Filter,
  type ReadDocument,
  type ReadStore,
} from '@parley/read-store';
import {
  measure,
  progress,
  reasonOf,
  type BenchOptions,
  type BenchOutcome,
  type Comparison,
  type Measurement,
} from './report';
import { workspaceEvents, type GeneratedConversation } from './scale/workspace-generator';

/**
 * Issue 11's workspace at scale: 100,000 conversations and about 2,000,000 messages (three
 * languages, 50 tags; PARLEY_BENCH_CONVERSATIONS changes the size; FerretDB gets 2,000, see
 * TARGETS) built
 * through the projections at rebuild speed, then the chat list's first page, unfiltered and
 * filtered, asked through the gateway's own ChatQueries. Each beside its baseline in the same run:
 * - rebuild: the same final documents bulk-upserted raw (the driver's unordered bulkWrite; for
 *   the embedded store, its own replaceOne upsert per document, declared indexes kept);
 * - queries: the very query ChatQueries sent (recorded), issued to the store directly (the
 *   driver's find; for the embedded store, mingo scanning the documents without indexes).
 * On the embedded store (`npm start`'s) and on FerretDB (the production adapter's stand-in here).
 */

const FERRETDB_URL = `mongodb://127.0.0.1:${process.env['FERRETDB_PORT'] ?? 27018}`;
const WORKSPACE = 'w-scale';
const MESSAGES_PER_CONVERSATION = 20;
const OPERATIONS_PER_BATCH = 20_000;
const BULK_CHUNK = 1000;

const user: User = {
  id: 'm1',
  email: 'm1@example.com',
  name: 'Manager',
  role: 'manager',
  workspaceId: WORKSPACE,
  language: 'en',
};

/** The chat-list requests timed, as the web app sends them. */
const CHAT_LIST_CASES: readonly { readonly name: string; readonly query: ChatListQuery }[] = [
  { name: 'first page, all', query: {} },
  { name: 'first page, tab manual', query: { tab: 'manual' } },
  { name: 'first page, archived', query: { archived: true } },
];

interface RecordedFind {
  readonly collection: string;
  readonly filter: Filter;
  readonly options: FindOptions;
}

/** A read store that remembers the last `find` asked of it, so a baseline can ask the same. */
const recording = (inner: ReadStore): { store: ReadStore; last: () => RecordedFind } => {
  let last: RecordedFind | null = null;
  const store: ReadStore = {
    collection: <T extends ReadDocument>(name: string) => {
      const collection = inner.collection<T>(name);
      return Object.assign(Object.create(collection) as typeof collection, {
        find: (filter: Filter, options: FindOptions = {}) => {
          last = { collection: name, filter, options };
          return collection.find(filter, options);
        },
      });
    },
    ensureCollection: (name) => inner.ensureCollection(name),
    dropAll: () => inner.dropAll(),
    dropCollection: (name) => inner.dropCollection(name),
    close: () => inner.close(),
  };
  return {
    store,
    last: () => {
      if (!last) throw new Error('ChatQueries asked nothing of the read store');
      return last;
    },
  };
};

interface Target {
  readonly name: string;
  /** The size when PARLEY_BENCH_CONVERSATIONS does not set one. */
  readonly conversations: (quick: boolean) => number;
  readonly open: () => Promise<ReadStore>;
  /** The raw engine: bulk upsert documents, and run a recorded find. */
  readonly raw: () => Promise<RawEngine>;
}

interface RawEngine {
  bulkUpsert(collection: string, documents: readonly ReadDocument[]): Promise<void>;
  find(recorded: RecordedFind): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * The embedded engine written to directly: the final documents upserted one by one into an
 * in-memory store holding the same declared indexes (so each write keeps them in order, as ours
 * do), and the recorded find answered by mingo over every document, without indexes.
 */
const embeddedRaw = async (): Promise<RawEngine> => {
  const store = createInMemoryReadStore();
  await ensureReadModelIndexes(store);
  const documentsOf = new Map<string, ReadDocument[]>();
  return {
    bulkUpsert: async (collection, documents) => {
      const into = store.collection(collection);
      for (const document of documents) {
        await into.replaceOne({ _id: document._id }, document, { upsert: true });
      }
      documentsOf.set(collection, [...(documentsOf.get(collection) ?? []), ...documents]);
    },
    find: async ({ collection, filter, options }) => {
      let cursor = new Query(filter as Record<string, unknown>).find(
        documentsOf.get(collection) ?? [],
      );
      if (options.sort) cursor = cursor.sort(options.sort as Record<string, 1 | -1>);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return cursor.all();
    },
    close: async () => {
      documentsOf.clear();
      await store.close();
    },
  };
};

const ferretRaw = async (): Promise<RawEngine> => {
  const client = await mongoose.mongo.MongoClient.connect(FERRETDB_URL, {
    serverSelectionTimeoutMS: 3000,
  });
  const db = client.db('parley_bench_scale_raw');
  await db.dropDatabase();
  return {
    bulkUpsert: async (collection, documents) => {
      for (let i = 0; i < documents.length; i += BULK_CHUNK) {
        const chunk = documents.slice(i, i + BULK_CHUNK);
        await db.collection<{ _id: string }>(collection).bulkWrite(
          chunk.map((d) => ({
            replaceOne: { filter: { _id: d._id }, replacement: d, upsert: true },
          })),
          { ordered: false },
        );
      }
    },
    find: async ({ collection, filter, options }) =>
      db
        .collection<MongoDocument>(collection)
        .find(filter as MongoDocument, {
          sort: options.sort as Record<string, 1 | -1> | undefined,
          limit: options.limit,
        })
        .toArray(),
    close: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
};

const TARGETS: readonly Target[] = [
  {
    name: 'embedded (npm start: in-memory read store)',
    conversations: (quick) => (quick ? 2000 : 100_000),
    open: async () => createInMemoryReadStore(),
    raw: embeddedRaw,
  },
  {
    name: 'FerretDB 1.24 (production adapter: mongoose)',
    // FerretDB 1.x writes one document at a time: its own raw bulkWrite stores about 550
    // documents a second here, so the full workspace (2.2 million documents) would take over an
    // hour for the baseline alone. It gets a fiftieth of the size; say so rather than hide it.
    conversations: (quick) => (quick ? 300 : 2000),
    open: async () => createMongoReadStore({ url: FERRETDB_URL, dbName: 'parley_bench_scale' }),
    raw: ferretRaw,
  },
];

/** Generate the workspace and project it into `store` in staged batches; the event count. */
const rebuild = async (
  store: ReadStore,
  conversations: number,
  seen: GeneratedConversation[],
): Promise<number> => {
  const writes = new StagedWrites(store);
  let events = 0;
  for (const source of workspaceEvents(
    { workspaceId: WORKSPACE, conversations, messagesPerConversation: MESSAGES_PER_CONVERSATION },
    (c) => seen.push(c),
  )) {
    events += 1;
    for (const projection of [projectWorkspaceEvent(source), projectEvent(source)]) {
      if (projection) writes.add(projection.operations);
    }
    if (writes.size >= OPERATIONS_PER_BATCH) await writes.flush();
  }
  await writes.flush();
  return events;
};

const allOf = (store: ReadStore, collection: string): Promise<ReadDocument[]> =>
  store.collection(collection).find({});

const benchTarget = async (
  target: Target,
  conversations: number,
  queries: number,
): Promise<Comparison[]> => {
  const comparisons: Comparison[] = [];
  const store = await target.open();
  const raw = await target.raw();
  try {
    await store.dropAll();
    await ensureReadModelIndexes(store);
    const seen: GeneratedConversation[] = [];
    let events = 0;
    progress(`${target.name}: projecting ${conversations} conversations`);
    const ours = await measure(
      'projections + StagedWrites',
      0,
      async () => {
        events = await rebuild(store, conversations, seen);
      },
      { latencies: false },
    );
    const messages = seen.reduce((sum, c) => sum + c.messages, 0);
    const documents = await Promise.all(
      [CHATS_COLLECTION, CARDS_COLLECTION, TIMELINE_COLLECTION].map(
        async (c) => [c, await allOf(store, c)] as const,
      ),
    );
    const documentCount = documents.reduce((sum, [, d]) => sum + d.length, 0);
    progress(`${target.name}: raw bulk upsert of the same ${documentCount} documents`);
    const baseline = await measure(
      'raw bulk upsert of the documents',
      documentCount,
      async () => {
        for (const [collection, docs] of documents) await raw.bulkUpsert(collection, docs);
      },
      { latencies: false },
    );
    comparisons.push({
      title: `workspace-at-scale / rebuild / ${target.name}`,
      work:
        `${conversations} conversations, ${messages} messages, ${events} events -> ` +
        `${documentCount} documents (ops = documents written)`,
      ours: { ...ours, ops: documentCount },
      baseline,
    });

    const recorder = recording(store);
    const chatQueries = new ChatQueries(recorder.store);
    for (const chatCase of CHAT_LIST_CASES) {
      const page = await chatQueries.chatList(user, chatCase.query);
      const asked = recorder.last();
      // Same answer first: the direct find's first chats are the page (the gateway asks for one
      // more than a page, to know whether another follows).
      const direct = (await raw.find(asked)) as ReadDocument[];
      const pageIds = page.items.map((c) => c._id).join();
      if (
        direct
          .slice(0, page.items.length)
          .map((d) => d._id)
          .join() !== pageIds
      ) {
        throw new Error(`${chatCase.name}: the store's direct answer differs from the page`);
      }
      const oursQuery: Measurement = await measure(`ChatQueries.chatList`, queries, async (r) => {
        for (let q = 0; q < queries; q += 1) {
          await r.time(() => chatQueries.chatList(user, chatCase.query));
        }
      });
      const directQuery: Measurement = await measure(
        'the same find, direct',
        queries,
        async (r) => {
          for (let q = 0; q < queries; q += 1) await r.time(() => raw.find(asked));
        },
      );
      comparisons.push({
        title: `workspace-at-scale / chat list ${chatCase.name} / ${target.name}`,
        work: `${queries} requests of ${page.items.length} chats of ${conversations}`,
        ours: oursQuery,
        baseline: directQuery,
      });
    }
  } finally {
    await raw.close();
    await store.dropAll().catch(() => undefined);
    await store.close();
  }
  return comparisons;
};

export const workspaceAtScale = async ({ quick }: BenchOptions): Promise<BenchOutcome> => {
  const sized = process.env['PARLEY_BENCH_CONVERSATIONS'];
  const queries = quick ? 50 : 200;
  const comparisons: Comparison[] = [];
  const skipped: string[] = [];
  for (const target of TARGETS) {
    try {
      const conversations = sized !== undefined ? Number(sized) : target.conversations(quick);
      comparisons.push(...(await benchTarget(target, conversations, queries)));
    } catch (error) {
      skipped.push(`workspace-at-scale / ${target.name}: ${reasonOf(error)}`);
    }
  }
  return { comparisons, skipped };
};
