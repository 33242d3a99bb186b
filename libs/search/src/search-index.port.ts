import type { SearchHit } from '@parley/contracts';
import type { SearchOperation } from '@parley/projections';

/**
 * The search read model (L2): the client's name, username and tags, and the words of every
 * message and of its translation, per workspace. Fed by the projector (`searchOperations`),
 * read by the gateway (`GET /api/search`).
 */
export interface SearchIndex {
  /**
   * Apply operations in order. Idempotent: applying the same operations again, or an older one
   * after a newer (by `position`), changes nothing.
   */
  apply(operations: readonly SearchOperation[]): Promise<void>;
  /**
   * The best `limit` hits for `query` in `workspaceId` only, best first: the name (exact, then
   * from the start of a word), the username, a tag, a partial or misspelt name, then the words of
   * messages and translations (stemmed in the message's language, or as written). Each hit carries
   * its snippet and where the query matched in it. An empty query finds nothing.
   */
  search(workspaceId: string, query: string, limit: number): Promise<SearchHit[]>;
  /**
   * The log position through which the index was caught up from the event log (`markCaughtUp`),
   * or null when it never was: a new index, or one created before the log it should show.
   */
  caughtUpThrough(): Promise<string | null>;
  /** Remember that every event up to `position` of the log was applied. */
  markCaughtUp(position: string): Promise<void>;
  /** Throws when the index cannot answer (health). */
  check(): Promise<void>;
  close(): Promise<void>;
}
