import type { IndexSpec } from './read-store.port';

/** An index's name as MongoDB gives it: the spec's `name`, else its keys (`workspaceId_1_lastActivityAt_-1`). */
export const indexNameOf = (spec: IndexSpec): string =>
  spec.name ??
  Object.entries(spec.keys)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
