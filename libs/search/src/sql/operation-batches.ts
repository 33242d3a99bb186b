import type { SearchOperation } from '@parley/projections';

/** Most records in one statement: a few hundred KB of JSON, well under any limit. */
export const MAX_BATCH_ROWS = 2000;

type Kind = SearchOperation['kind'];
type OperationOf<K extends Kind> = Extract<SearchOperation, { kind: K }>;

/** The operations of one kind that one statement applies. */
export type OperationBatch = {
  [K in Kind]: { readonly kind: K; readonly operations: readonly OperationOf<K>[] };
}[Kind];

/** The row an operation writes; a statement may write each row once only (ON CONFLICT). */
const rowOf = (op: SearchOperation): string =>
  'timelineItemId' in op
    ? `${op.workspaceId}\u0000${op.timelineItemId}`
    : `${op.workspaceId}\u0000${op.conversationId}`;

/**
 * The order kinds are applied in. A message's language before its text: the text then arrives
 * on a row that knows its language, and its words are computed and indexed once, not twice.
 */
const KIND_ORDER: readonly Kind[] = [
  'contact-profile',
  'contact-tags',
  'message-language',
  'message-translation',
  'message',
  'conversation-activity',
];

/** Kinds whose statement folds several operations on one row itself (activity: the latest). */
const FOLDED_IN_SQL: ReadonlySet<Kind> = new Set(['conversation-activity']);

/**
 * Cut operations into statements: by kind, each kind in its given order, a new statement
 * whenever a row comes back (or the batch is full). Operations of different kinds commute: each
 * sets only its own fields, guarded by its own position, and recomputes what it derives
 * (`profile`, `body_words`) from the row as it finds it, so the index ends the same as when they
 * are applied one by one in the log's order. The order of operations of one kind on one row is
 * kept: it decides which position wins and which place is kept first.
 */
export const operationBatches = (
  operations: readonly SearchOperation[],
  maxRows = MAX_BATCH_ROWS,
): OperationBatch[] => {
  const byKind = new Map<Kind, SearchOperation[]>(KIND_ORDER.map((kind) => [kind, []]));
  for (const op of operations) {
    byKind.get(op.kind)?.push(op);
  }
  const batches: OperationBatch[] = [];
  for (const [kind, ofKind] of byKind) {
    let current: SearchOperation[] = [];
    let rows = new Set<string>();
    const cut = (): void => {
      if (current.length > 0) batches.push({ kind, operations: current } as OperationBatch);
      current = [];
      rows = new Set();
    };
    for (const op of ofKind) {
      const row = rowOf(op);
      if (current.length >= maxRows || (!FOLDED_IN_SQL.has(kind) && rows.has(row))) cut();
      current.push(op);
      rows.add(row);
    }
    cut();
  }
  return batches;
};
