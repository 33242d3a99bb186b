import type { OperationFilter } from './read-model-operation';

/** Where read-model documents keep the last revision they applied per source stream. */
export const APPLIED_FIELD = '_applied';

/**
 * The key of a stream inside `_applied`: the stream name itself. Aggregate ids contain no '.',
 * so a stream name is one path segment; anything else is refused rather than nested silently.
 */
export const streamKey = (streamName: string): string => {
  if (streamName.length === 0 || streamName.includes('.') || streamName.startsWith('$')) {
    throw new Error(`stream name "${streamName}" cannot be a read-model field name`);
  }
  return streamName;
};

export const appliedPath = (streamName: string): string =>
  `${APPLIED_FIELD}.${streamKey(streamName)}`;

/**
 * The position guard (docs/style.md 8): matches a document that has not applied this revision of the
 * stream yet, i.e. whose recorded revision is missing or lower. A redelivered or replayed event
 * matches nothing and so changes nothing.
 */
export const notYetApplied = (streamName: string, revision: number): OperationFilter => {
  const path = appliedPath(streamName);
  return { $or: [{ [path]: { $exists: false } }, { [path]: { $lt: revision } }] };
};

/** The `$set` entry that records the revision as applied. */
export const markApplied = (streamName: string, revision: number): Record<string, number> => ({
  [appliedPath(streamName)]: revision,
});
