import type { SearchHit, SearchMatchField } from '@parley/contracts';
import type { SearchOperation } from '@parley/projections';
import { assertNever } from '@parley/decider';
import { fieldSnippet, messageSnippet, type Snippet } from '../hit-snippet';
import type { SearchIndex } from '../search-index.port';
import { assertSearchSchema, DEFAULT_SEARCH_SCHEMA, searchSchemaStatements } from './search-schema';
import { operationBatches, type OperationBatch } from './operation-batches';
import { sqlStateOf, type SearchSql } from './search-sql';
import { searchStatements } from './search-statements';

export interface SqlSearchIndexOptions {
  /** PostgreSQL schema of the search tables. Default `search`. */
  readonly schema?: string;
}

type Timestamp = Date | string | null;

interface ContactRow {
  conversation_id: string;
  name: string;
  username: string | null;
  tags: string[];
  last_activity_at: Timestamp;
  qn: string;
  nn: string;
  un: string;
  tag_norms: string[];
  score: number | string;
  field: 'name' | 'username' | 'tag';
}

interface MessageRow {
  timeline_item_id: string;
  conversation_id: string;
  order_key: string;
  direction: 'in' | 'out' | null;
  at: Timestamp;
  rank: number | string;
  in_body: boolean;
  matched_text: string;
  name: string;
  username: string | null;
  tags: string[];
  last_activity_at: Timestamp;
  marked: string;
}

/** Errors of two processes creating the same extension, schema or table at once. */
const CONCURRENT_DDL = new Set(['23505', '42P06', '42P07', '42710']);

/** The best message hit scores below every contact hit (contact scores are 24 and up). */
const MESSAGE_SCORE_CEILING = 20;

const iso = (value: Timestamp): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * The search read model over PostgreSQL SQL, shared by the `pg` adapter and the PGlite adapter:
 * same statements (search-schema.ts, search-statements.ts), different connection.
 *
 * A search asks two questions, each on its own index: contacts (name, username, tags; trigram
 * index) and messages (full text; GIN on the tsvectors). Both are ranked in SQL, each cut to the
 * limit; the two lists are merged here by score, so a name or a tag always stands above the
 * words of a message.
 */
export class SqlSearchIndex implements SearchIndex {
  private readonly schema: string;
  private readonly sql: ReturnType<typeof searchStatements>;

  constructor(
    private readonly db: SearchSql,
    options: SqlSearchIndexOptions = {},
  ) {
    this.schema = assertSearchSchema(options.schema ?? DEFAULT_SEARCH_SCHEMA);
    this.sql = searchStatements(this.schema);
  }

  /** Create the extensions, schema, tables and indexes if missing (safe in parallel). */
  async ensureSchema(): Promise<void> {
    for (const statement of searchSchemaStatements(this.schema)) {
      try {
        await this.db.query(statement);
      } catch (error) {
        // Another process created it between our IF NOT EXISTS and our CREATE: run it again.
        if (!CONCURRENT_DDL.has(sqlStateOf(error) ?? '')) throw error;
        await this.db.query(statement);
      }
    }
  }

  /**
   * Apply operations in statements of many rows each (operation-batches.ts): a rebuild of two
   * million messages sends a few thousand statements, not millions. Profiles and tags, a few per
   * conversation, go one statement each.
   */
  async apply(operations: readonly SearchOperation[]): Promise<void> {
    for (const batch of operationBatches(operations)) await this.applyBatch(batch);
  }

  private async applyBatch(batch: OperationBatch): Promise<void> {
    switch (batch.kind) {
      case 'contact-profile':
        for (const op of batch.operations) {
          await this.db.query(this.sql.contactProfile, [
            op.workspaceId,
            op.conversationId,
            op.name,
            op.username ?? null,
            op.username !== undefined,
            op.position,
          ]);
        }
        return;
      case 'contact-tags':
        for (const op of batch.operations) {
          await this.db.query(this.sql.contactTags, [
            op.workspaceId,
            op.conversationId,
            JSON.stringify(op.tags),
            op.position,
          ]);
        }
        return;
      case 'conversation-activity':
        await this.records(
          this.sql.activity,
          batch.operations.map((op) => ({
            workspace_id: op.workspaceId,
            conversation_id: op.conversationId,
            at: op.at,
          })),
        );
        return;
      case 'message':
        await this.records(
          this.sql.message,
          batch.operations.map((op) => ({
            workspace_id: op.workspaceId,
            timeline_item_id: op.timelineItemId,
            conversation_id: op.conversationId,
            text: op.text,
            position: op.position,
            order_key: op.orderKey,
            direction: op.direction,
            at: op.at,
          })),
        );
        return;
      case 'message-language':
        await this.records(
          this.sql.messageLanguage,
          batch.operations.map((op) => ({
            workspace_id: op.workspaceId,
            timeline_item_id: op.timelineItemId,
            conversation_id: op.conversationId,
            language: op.language,
            position: op.position,
          })),
        );
        return;
      case 'message-translation':
        await this.records(
          this.sql.messageTranslation,
          batch.operations.map((op) => ({
            workspace_id: op.workspaceId,
            timeline_item_id: op.timelineItemId,
            conversation_id: op.conversationId,
            text: op.text,
            language: op.language,
            position: op.position,
          })),
        );
        return;
      default:
        assertNever(batch, 'search operation batch');
    }
  }

  /** One statement over many records, sent as one JSON array ($1). */
  private async records(statement: string, records: readonly object[]): Promise<void> {
    await this.db.query(statement, [JSON.stringify(records)]);
  }

  async search(workspaceId: string, query: string, limit: number): Promise<SearchHit[]> {
    if (query.trim().replace(/^@+/, '').trim() === '' || limit < 1) return [];
    const max = Math.floor(limit);
    const params = [workspaceId, query, max];
    const contacts = await this.db.query<ContactRow>(this.sql.searchContacts, params);
    // Every contact hit outscores every message hit (MESSAGE_SCORE_CEILING is below the lowest
    // contact score), so once contacts fill the page no message could reach it: a name or a tag
    // shared by many clients is answered by the contact statement alone.
    const messages =
      contacts.length >= max
        ? []
        : await this.db.query<MessageRow>(this.sql.searchMessages, params);
    const scored = [
      ...contacts.map((row) => ({ score: Number(row.score), hit: contactHit(row) })),
      ...messages.map((row) => ({
        score: MESSAGE_SCORE_CEILING * Math.min(1, Number(row.rank)),
        hit: messageHit(row),
      })),
    ];
    // Stable: ties keep SQL's order (latest activity, newest message first).
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, max)
      .map((s) => s.hit);
  }

  async caughtUpThrough(): Promise<string | null> {
    const [row] = await this.db.query<{ position: string }>(this.sql.caughtUpThrough);
    return row?.position ?? null;
  }

  async markCaughtUp(position: string): Promise<void> {
    await this.db.query(this.sql.markCaughtUp, [position]);
  }

  async check(): Promise<void> {
    await this.db.query(`SELECT 1 FROM "${this.schema}".contacts LIMIT 1`);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

const contactHit = (row: ContactRow): SearchHit => {
  const matchedIn = row.field;
  const snippet = contactSnippet(row, matchedIn);
  return {
    conversationId: row.conversation_id,
    contactName: row.name,
    username: row.username,
    tags: row.tags,
    matchedIn,
    message: null,
    snippet: snippet.snippet,
    highlights: snippet.highlights,
    lastActivityAt: iso(row.last_activity_at),
  };
};

const contactSnippet = (row: ContactRow, field: SearchMatchField): Snippet => {
  if (field === 'username' && row.username !== null) {
    const own = fieldSnippet(row.username, row.un, row.qn);
    return {
      snippet: `@${own.snippet}`,
      highlights: own.highlights.map(([s, e]) => [s + 1, e + 1] as const),
    };
  }
  if (field === 'tag') {
    const index = bestTag(row.tag_norms, row.qn);
    return fieldSnippet(row.tags[index] ?? '', row.tag_norms[index] ?? '', row.qn);
  }
  return fieldSnippet(row.name, row.nn, row.qn);
};

/** The tag the query matched: equal, then from a word's start, then anywhere in it. */
const bestTag = (tags: readonly string[], query: string): number => {
  const equal = tags.indexOf(query);
  if (equal >= 0) return equal;
  const start = tags.findIndex((t) => t.startsWith(query) || t.includes(` ${query}`));
  if (start >= 0) return start;
  return Math.max(
    0,
    tags.findIndex((t) => t.includes(query)),
  );
};

const messageHit = (row: MessageRow): SearchHit => {
  const snippet = messageSnippet(row.marked, row.matched_text);
  return {
    conversationId: row.conversation_id,
    contactName: row.name,
    username: row.username,
    tags: row.tags,
    matchedIn: row.in_body ? 'message' : 'translation',
    message: {
      timelineItemId: row.timeline_item_id,
      orderKey: row.order_key,
      direction: row.direction ?? 'in',
      at: iso(row.at) ?? '',
    },
    snippet: snippet.snippet,
    highlights: snippet.highlights,
    lastActivityAt: iso(row.last_activity_at),
  };
};
