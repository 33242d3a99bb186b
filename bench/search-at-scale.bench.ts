import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { searchOperations, type SearchOperation } from '@parley/projections';
import {
  createPgliteSearchIndex,
  createPostgresSearchIndex,
  openSearchPglite,
  POSTGRES_SEARCH_SESSION_OPTIONS,
  SqlSearchIndex,
  type SearchIndex,
} from '@parley/search';
import { createTestDatabase, type TestDatabase } from '@parley/test-infra';
import { Client } from 'pg';
import {
  measure,
  percentile,
  progress,
  reasonOf,
  type BenchOptions,
  type BenchOutcome,
  type Comparison,
} from './report';
import { seededRandom as random } from '@parley/test-infra';
import { LANGUAGES, TAG_NAMES, vocabularyOf } from './scale/vocabulary';
import { workspaceEvents, type GeneratedConversation } from './scale/workspace-generator';

/**
 * Issue 11's search at scale: the generated workspace (100,000 conversations, about 2,000,000
 * messages in three languages, 50 tags, each client message's language detected) fed to the
 * search index through the real projection (`searchOperations`) in large `apply` batches, then
 * searches drawn from the workspace's own vocabulary: a part of a name, a misspelt name, a tag,
 * a word of a message. Each beside its baseline in the same run: the very SQL the adapter sent
 * (recorded), issued directly on the same database (`pg` Client, or the same PGlite's query).
 * On PostgreSQL (production) and PGlite (`npm start`'s), each in a database or directory of
 * its own, removed afterwards.
 */

const WORKSPACE = 'w-search-scale';
const MESSAGES_PER_CONVERSATION = 20;
/** Operations handed to one `apply` (the projector hands it what one poll of the log gave). */
const OPERATIONS_PER_APPLY = 20_000;
/** Searches of each kind before the timed ones. */
const WARM_UP = 20;
/** The gateway's default (DEFAULT_SEARCH_LIMIT). */
const LIMIT = 20;
/** Issue 11's targets, p99 in ms. */
const TARGET_MS = { contacts: 100, messages: 200 } as const;

/** A statement the index sent, as text and parameters. */
interface Sent {
  readonly text: string;
  readonly params: readonly unknown[];
}

/** A connection the baseline runs SQL on directly, and reads sizes from. */
interface Direct {
  query(text: string, params?: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

interface Opened {
  readonly index: SearchIndex;
  readonly direct: Direct;
  close(): Promise<void>;
}

interface Target {
  readonly name: string;
  readonly conversations: (quick: boolean) => number;
  readonly open: (schema: string) => Promise<Opened>;
}

const SCHEMA = 'search_bench';

const postgresTarget: Target = {
  name: 'PostgreSQL (production adapter)',
  conversations: (quick) => (quick ? 2000 : 100_000),
  open: async (schema) => {
    const database: TestDatabase = await createTestDatabase('parley_bench_search');
    try {
      const index = await createPostgresSearchIndex({
        connectionString: database.url,
        schema,
        // A rebuild batch of thousands of rows may run past the default statement timeout.
        timeouts: { statementMs: 600_000 },
      });
      // The baseline's own session, set as the adapter sets its own (search-schema.ts).
      const client = new Client({
        connectionString: database.url,
        options: POSTGRES_SEARCH_SESSION_OPTIONS,
      });
      await client.connect();
      return {
        index,
        direct: {
          query: async (text, params = []) => (await client.query(text, [...params])).rows,
          close: () => client.end(),
        },
        close: async () => {
          await index.close();
          await client.end().catch(() => undefined);
          await database.drop();
        },
      };
    } catch (error) {
      await database.drop();
      throw error;
    }
  },
};

const pgliteTarget: Target = {
  name: 'PGlite (npm start, file-backed)',
  // The full workspace: measured, it builds in about 7 minutes here, at about 800 MB of RSS and
  // 1.9 GB of files (bench/README.md, search at scale).
  conversations: (quick) => (quick ? 1000 : 100_000),
  open: async (schema) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-bench-search-'));
    const db: PGlite = await openSearchPglite(path.join(dir, 'db'));
    const index = await createPgliteSearchIndex({ pglite: db, schema });
    return {
      index,
      direct: {
        query: async (text, params = []) => (await db.query(text, [...params])).rows,
        close: async () => undefined,
      },
      close: async () => {
        await index.close();
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

/**
 * Feed the generated workspace through the search projection, `OPERATIONS_PER_APPLY` at a
 * time, generating the next batch while the index applies the last (one apply in flight, so
 * the log's order holds).
 */
const build = async (
  index: SearchIndex,
  conversations: number,
  seen: GeneratedConversation[],
): Promise<{ events: number; operations: number }> => {
  let events = 0;
  let operations = 0;
  let batch: SearchOperation[] = [];
  let applying: Promise<void> = Promise.resolve();
  let last = Date.now();
  for (const source of workspaceEvents(
    {
      workspaceId: WORKSPACE,
      conversations,
      messagesPerConversation: MESSAGES_PER_CONVERSATION,
      detectLanguages: true,
    },
    (c) => seen.push(c),
  )) {
    events += 1;
    for (const op of searchOperations(source)) batch.push(op);
    if (batch.length >= OPERATIONS_PER_APPLY) {
      await applying;
      const full = batch;
      operations += full.length;
      batch = [];
      applying = index.apply(full);
      if (Date.now() - last > 30_000) {
        last = Date.now();
        progress(`  ${seen.length} conversations, ${operations} operations applied or under way`);
      }
    }
  }
  await applying;
  operations += batch.length;
  await index.apply(batch);
  return { events, operations };
};

/** The queries of one kind, drawn from what the generator wrote (seeded, so every run alike). */
interface QueryCase {
  readonly name: string;
  readonly kind: keyof typeof TARGET_MS;
  readonly queries: readonly string[];
}

/** Swap two neighbouring letters inside the word: "Petrova" -> "Petorva"-like typos. */
const misspelt = (word: string, next: () => number): string => {
  const chars = [...word];
  if (chars.length < 4) return word;
  const i = 1 + Math.floor(next() * (chars.length - 3));
  [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  return chars.join('');
};

const queryCases = (seen: readonly GeneratedConversation[], count: number): QueryCase[] => {
  const next = random(1111);
  const pickOf = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const lastNameOf = (c: GeneratedConversation): string => c.name.split(' ').slice(-1)[0] ?? '';
  const words = LANGUAGES.flatMap((l) => vocabularyOf(l).words).filter((w) => [...w].length >= 4);
  const times = <T>(make: () => T): T[] => Array.from({ length: count }, make);
  return [
    {
      name: 'name, part',
      kind: 'contacts',
      queries: times(() => {
        const name = lastNameOf(pickOf(seen));
        return [...name].slice(0, 3 + Math.floor(next() * ([...name].length - 2))).join('');
      }),
    },
    {
      name: 'name, misspelt',
      kind: 'contacts',
      queries: times(() => misspelt(lastNameOf(pickOf(seen)), next)),
    },
    { name: 'tag', kind: 'contacts', queries: times(() => pickOf(TAG_NAMES)) },
    { name: 'message word', kind: 'messages', queries: times(() => pickOf(words)) },
    {
      // A word no message holds (a typo): the time index gives nothing, the GIN index answers.
      name: 'message word, misspelt',
      kind: 'messages',
      queries: times(() => misspelt(pickOf(words), next)),
    },
  ];
};

/** A SearchSql that runs on the baseline's connection and remembers what it was sent. */
const recordedStatements = async (direct: Direct, query: string): Promise<Sent[]> => {
  const sent: Sent[] = [];
  const recorder = new SqlSearchIndex(
    {
      query: async <Row extends object>(text: string, params: readonly unknown[] = []) => {
        sent.push({ text, params });
        return (await direct.query(text, params)) as Row[];
      },
      close: async () => undefined,
    },
    { schema: SCHEMA },
  );
  await recorder.search(WORKSPACE, query, LIMIT);
  return sent;
};

const sizes = async (direct: Direct): Promise<string> => {
  const rows = (await direct.query(
    `SELECT c.relname AS name, pg_table_size(c.oid) AS table_bytes,
            pg_indexes_size(c.oid) AS index_bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
    [SCHEMA],
  )) as { name: string; table_bytes: string | number; index_bytes: string | number }[];
  const mb = (bytes: string | number): string => `${(Number(bytes) / 1024 ** 2).toFixed(0)} MB`;
  return rows
    .filter((r) => r.name !== 'progress')
    .map((r) => `${r.name} ${mb(r.table_bytes)} + indexes ${mb(r.index_bytes)}`)
    .join(', ');
};

const benchTarget = async (
  target: Target,
  conversations: number,
  queriesPerCase: number,
  summary: string[],
): Promise<Comparison[]> => {
  const comparisons: Comparison[] = [];
  const opened = await target.open(SCHEMA);
  const { index, direct } = opened;
  try {
    const seen: GeneratedConversation[] = [];
    progress(`search-at-scale / ${target.name}: indexing ${conversations} conversations`);
    let built = { events: 0, operations: 0 };
    const building = await measure(
      'build',
      0,
      async () => {
        built = await build(index, conversations, seen);
      },
      { latencies: false },
    );
    const messages = seen.reduce((sum, c) => sum + c.messages, 0);
    // What autovacuum does after a bulk load, done now so the planner sees the data.
    for (const table of ['contacts', 'messages']) {
      await direct.query(`VACUUM ANALYZE "${SCHEMA}".${table}`);
    }
    const rate = messages / (building.totalMs / 1000);
    summary.push(
      `search-at-scale / ${target.name}: indexed ${conversations} conversations, ${messages} ` +
        `messages (${built.events} events, ${built.operations} operations) in ` +
        `${(building.totalMs / 1000).toFixed(0)} s: ${rate.toFixed(0)} messages/s, ` +
        `ΔRSS ${(building.rssDeltaBytes / 1024 ** 2).toFixed(0)} MB`,
      `search-at-scale / ${target.name}: on disk ${await sizes(direct)}`,
    );

    for (const queryCase of queryCases(seen, queriesPerCase)) {
      progress(`search-at-scale / ${target.name}: ${queryCase.name}`);
      // Warm-up, and the statements to replay: the adapter's SQL text with its parameters
      // (recording runs each once on the direct connection, a warm-up of its own).
      let hits = 0;
      for (const q of queryCase.queries.slice(0, WARM_UP)) {
        hits += (await index.search(WORKSPACE, q, LIMIT)).length;
      }
      const statements: Sent[][] = [];
      for (const q of queryCase.queries) statements.push(await recordedStatements(direct, q));
      const ours = await measure('SearchIndex.search', queryCase.queries.length, async (r) => {
        for (const q of queryCase.queries) await r.time(() => index.search(WORKSPACE, q, LIMIT));
      });
      const baseline = await measure(
        'the same SQL, direct',
        queryCase.queries.length,
        async (r) => {
          for (const sent of statements) {
            await r.time(async () => {
              for (const s of sent) await direct.query(s.text, s.params);
            });
          }
        },
      );
      const p99 = percentile(ours.latenciesMs ?? [], 99);
      const target99 = TARGET_MS[queryCase.kind];
      comparisons.push({
        title: `search-at-scale / ${queryCase.name} / ${target.name}`,
        work:
          `${queryCase.queries.length} searches (e.g. "${queryCase.queries[0]}"), limit ` +
          `${LIMIT}, ${(hits / WARM_UP).toFixed(1)} hits each, over ` +
          `${conversations} conversations / ${messages} messages`,
        ours,
        baseline,
      });
      const ms = (latencies: readonly number[] | undefined, p: number): string =>
        percentile(latencies ?? [], p).toFixed(1);
      summary.push(
        `search-at-scale / ${queryCase.name} / ${target.name}: ours p50 ` +
          `${ms(ours.latenciesMs, 50)} p99 ${p99.toFixed(1)} max ${ms(ours.latenciesMs, 100)} ms; ` +
          `direct p50 ${ms(baseline.latenciesMs, 50)} p99 ${ms(baseline.latenciesMs, 99)} max ` +
          `${ms(baseline.latenciesMs, 100)} ms (target p99 < ${target99} ms: ` +
          `${p99 < target99 ? 'met' : 'MISSED'})`,
      );
    }
  } finally {
    await opened.close();
  }
  return comparisons;
};

export const searchAtScale = async ({ quick }: BenchOptions): Promise<BenchOutcome> => {
  const sized = process.env['PARLEY_BENCH_SEARCH_CONVERSATIONS'];
  const queries = quick ? 50 : 200;
  const comparisons: Comparison[] = [];
  const skipped: string[] = [];
  const summary: string[] = [];
  const only = process.env['PARLEY_BENCH_SEARCH_TARGETS'];
  for (const target of [postgresTarget, pgliteTarget]) {
    if (only !== undefined && !only.split(',').some((t) => target.name.startsWith(t))) continue;
    try {
      const conversations = sized !== undefined ? Number(sized) : target.conversations(quick);
      comparisons.push(...(await benchTarget(target, conversations, queries, summary)));
    } catch (error) {
      skipped.push(`search-at-scale / ${target.name}: ${reasonOf(error)}`);
    }
  }
  return { comparisons, skipped, summary };
};
