import type { EventEnvelope } from '@parley/contracts';

/** The read models of a conversation, whose changes the projector announces. */
export type ConversationReadModel = 'chats' | 'timeline' | 'cards';

/**
 * The read models the projector writes (docs/architecture.md, Read models): a conversation's,
 * each workspace's template library (B1, B3) and each robot's rule (A2, A4).
 */
export type ReadModelCollection =
  ConversationReadModel | 'template_libraries' | 'robot_rules' | 'translation_settings';

/** A MongoDB query document. */
export type OperationFilter = Readonly<Record<string, unknown>>;

/** A MongoDB update document (`$set`, `$setOnInsert`, `$inc`, `$max`). */
export type OperationUpdate = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * One `updateOne(filter, update, { upsert })` on a read-model collection, as plain data, so the
 * projections stay pure and any read store (MongoDB, in memory) can apply it.
 *
 * Every filter carries the position guard (see `applied-revision.ts`): when the document has
 * already applied this revision of the source stream, the filter matches nothing. With
 * `upsert`, such a replay then tries to insert a second document with the same `_id`, which the
 * store refuses with a duplicate-key error: the caller treats that as "already applied".
 */
export interface ReadModelOperation {
  readonly collection: ReadModelCollection;
  readonly filter: OperationFilter;
  readonly update: OperationUpdate;
  readonly upsert: boolean;
}

/** A stored event as the projector sees it: from the event store, or from the bus headers. */
export interface ProjectableEvent {
  readonly streamName: string;
  /** 0-based revision of the event in its stream. */
  readonly revision: number;
  /** Global position in the event log, as a decimal string. */
  readonly position: string;
  readonly event: EventEnvelope;
}

/** What one event does to the read models of one conversation. */
export interface Projection {
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly operations: readonly ReadModelOperation[];
}

/**
 * What one event does to a read model of the whole workspace (its template library, its robots'
 * rules): no conversation's documents, so no change is announced per conversation.
 */
export interface WorkspaceProjection {
  readonly workspaceId: string;
  readonly operations: readonly ReadModelOperation[];
}
