import type { Filter, Sort } from '../read-store.port';
import { isPlainObject } from './document-values';
import type { OrderedIndex } from './ordered-index';

/**
 * Which index answers a query in the embedded store, and how: the entries whose leading fields
 * equal the filter's equalities (`workspaceId: 'w1'`) form one range of the index; when the
 * sort's first keys are the next fields of the index, all in its directions or all against them,
 * walking that range in order yields documents already sorted on those keys, so a page needs
 * only its first groups. Anything else is a scan.
 */

export interface IndexPlan {
  readonly index: OrderedIndex;
  /** The entries `[start, end)` that may match. */
  readonly start: number;
  readonly end: number;
  /** 1: walk the range forward; -1: backward. */
  readonly direction: 1 | -1;
  /** Index fields `[orderedFrom, orderedTo)` that order the walk as the sort's first keys ask. */
  readonly orderedFrom: number;
  readonly orderedTo: number;
  /** How many of the sort's keys the walk orders; the rest are sorted within groups of ties. */
  readonly sortKeysCovered: number;
}

/** The value of an equality an index range can answer: a scalar (`null` also matches missing). */
const equalityValue = (condition: unknown): { readonly value: unknown } | undefined => {
  const value =
    isPlainObject(condition) && Object.keys(condition).length === 1 && '$eq' in condition
      ? condition['$eq']
      : condition;
  const scalar =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    value instanceof Date;
  return scalar ? { value } : undefined;
};

const planFor = (index: OrderedIndex, filter: Filter, sort: Sort): IndexPlan | undefined => {
  const prefix: unknown[] = [];
  for (const field of index.fields) {
    const equality = field in filter ? equalityValue(filter[field]) : undefined;
    if (!equality) break;
    prefix.push(equality.value);
  }
  const fixed = prefix.length;
  let covered = 0;
  let ordered = 0;
  let direction: 1 | -1 = 1;
  for (const [field, sortDirection] of Object.entries(sort)) {
    const at = index.fields.indexOf(field);
    // A sort key the range holds constant orders nothing: skip it.
    if (at >= 0 && at < fixed) {
      covered += 1;
      continue;
    }
    if (at !== fixed + ordered) break;
    const walk = (sortDirection * (index.directions[at] ?? 1)) as 1 | -1;
    if (ordered > 0 && walk !== direction) break;
    direction = walk;
    ordered += 1;
    covered += 1;
  }
  if (fixed === 0 && ordered === 0) return undefined;
  const [start, end] = index.range(prefix);
  return {
    index,
    start,
    end,
    direction,
    orderedFrom: fixed,
    orderedTo: fixed + ordered,
    sortKeysCovered: covered,
  };
};

/**
 * The best index for `filter` and `sort`: the most equality fields, then the most sort keys in
 * order. With `needsEquality`, only an index with an equality range (a count, an update).
 */
export const planQuery = (
  indexes: Iterable<OrderedIndex>,
  filter: Filter,
  sort: Sort = {},
  needsEquality = false,
): IndexPlan | undefined => {
  let best: IndexPlan | undefined;
  for (const index of indexes) {
    if (!index.queryable) continue;
    const plan = planFor(index, filter, sort);
    if (!plan || (needsEquality && plan.orderedFrom === 0)) continue;
    if (
      !best ||
      plan.orderedFrom > best.orderedFrom ||
      (plan.orderedFrom === best.orderedFrom && plan.sortKeysCovered > best.sortKeysCovered)
    ) {
      best = plan;
    }
  }
  return best;
};
