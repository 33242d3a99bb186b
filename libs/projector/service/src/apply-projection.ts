import type {
  ConversationReadModel,
  ReadModelCollection,
  ReadModelOperation,
} from '@parley/projections';
import type { ReadStore } from '@parley/read-store';

/** MongoDB's E11000, thrown by both read-store adapters (`DuplicateKeyError`). */
const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * Apply one operation. True when a document changed.
 *
 * An upsert that collides with an existing `_id` (duplicate key) means one of two things: the
 * document already applied this revision (the guarded filter matched nothing: a replay), or
 * another consumer created the document between our read and our insert (conversation and CRM
 * topics are consumed concurrently; MongoDB does not retry upserts whose filter holds `$or`).
 * The document exists now either way, so the operation is tried once more without upsert: it
 * applies in the second case and matches nothing in the first.
 */
export const applyOperation = async (
  readStore: ReadStore,
  operation: ReadModelOperation,
): Promise<boolean> => {
  const collection = readStore.collection(operation.collection);
  try {
    const result = await collection.updateOne(operation.filter, operation.update, {
      upsert: operation.upsert,
    });
    return result.modifiedCount > 0 || result.upsertedId !== null;
  } catch (error) {
    if (!operation.upsert || !isDuplicateKey(error)) throw error;
    const retried = await collection.updateOne(operation.filter, operation.update, {
      upsert: false,
    });
    return retried.modifiedCount > 0;
  }
};

/**
 * Apply a projection's operations in order (a conversation's or a workspace's); the
 * conversation collections in which something changed (empty for a replayed event, and for a
 * workspace's read models, whose changes are not announced per conversation).
 */
export const applyProjection = async (
  readStore: ReadStore,
  projection: { readonly operations: readonly ReadModelOperation[] },
): Promise<ConversationReadModel[]> => {
  const changed = new Set<ReadModelCollection>();
  for (const operation of projection.operations) {
    if (await applyOperation(readStore, operation)) changed.add(operation.collection);
  }
  return (['chats', 'timeline', 'cards'] as const).filter((c) => changed.has(c));
};
