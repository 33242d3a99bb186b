import type { OperationUpdate } from './read-model-operation';

const overlaps = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * Add `$setOnInsert` for every default field the update does not already write, so a document
 * that an upsert creates has the read model's full shape whichever event arrives first (events
 * of different streams reach the projector in any order), without two operators touching one
 * path (MongoDB refuses such an update).
 */
export const withInsertDefaults = (
  update: OperationUpdate,
  defaults: Readonly<Record<string, unknown>>,
): OperationUpdate => {
  const written = Object.values(update).flatMap((fields) => Object.keys(fields));
  const onInsert: Record<string, unknown> = { ...(update['$setOnInsert'] ?? {}) };
  for (const [path, value] of Object.entries(defaults)) {
    if (!written.some((w) => overlaps(w, path))) onInsert[path] = value;
  }
  return Object.keys(onInsert).length === 0 ? update : { ...update, $setOnInsert: onInsert };
};
