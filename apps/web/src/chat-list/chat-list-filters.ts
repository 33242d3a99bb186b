import type { ChatListFilters, ChatStatus } from '@parley/contracts';

/**
 * The filters' query-parameter names in the order the web app writes them: a copy of the
 * contracts' `CHAT_LIST_FILTER_KEYS` (the web app imports types only), kept equal by its spec.
 */
export const CHAT_LIST_FILTER_KEYS_SHOWN = [
  'tags',
  'tagsMode',
  'status',
  'unread',
  'from',
  'to',
  'manager',
  'source',
  'channel',
  'line',
] as const satisfies readonly (keyof ChatListFilters)[];

/** Every chat status (L5), in the order the filter bar offers them. */
export const CHAT_STATUSES_SHOWN: readonly ChatStatus[] = [
  'new_message',
  'new_system_notification',
  'sent',
  'error',
  'read',
];

const isStatus = (value: string): value is ChatStatus =>
  (CHAT_STATUSES_SHOWN as readonly string[]).includes(value);

const list = (value: string | null): string[] =>
  value === null
    ? []
    : value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');

const dateTime = (value: string | null): string | undefined =>
  value !== null && !Number.isNaN(Date.parse(value)) ? value : undefined;

const text = (value: string | null): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * The filters a query string holds; what is missing, empty or not understood is left out
 * ("any"), so a hand-edited or stale link still opens a list.
 */
export const filtersFromParams = (params: URLSearchParams): ChatListFilters => {
  const tags = list(params.get('tags'));
  const status = list(params.get('status')).filter(isStatus);
  const tagsMode = params.get('tagsMode');
  const line = params.get('line');
  const from = dateTime(params.get('from'));
  const to = dateTime(params.get('to'));
  const manager = text(params.get('manager'));
  const source = text(params.get('source'));
  return {
    ...(tags.length > 0 && { tags }),
    ...(tags.length > 0 && tagsMode === 'all' && { tagsMode: 'all' as const }),
    ...(status.length > 0 && { status }),
    ...(params.get('unread') === 'true' && { unread: true }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(manager !== undefined && { manager }),
    ...(source !== undefined && { source }),
    ...(params.get('channel') === 'telegram' && { channel: 'telegram' as const }),
    ...((line === '1' || line === '2') && { line: Number(line) as 1 | 2 }),
  };
};

/** Writes the filters into `params`, in the contracts' order; "any" writes nothing. */
export const writeFilterParams = (params: URLSearchParams, filters: ChatListFilters): void => {
  for (const key of CHAT_LIST_FILTER_KEYS_SHOWN) {
    const value = filters[key];
    if (value === undefined || value === false) continue;
    if (key === 'tagsMode' && (value !== 'all' || !filters.tags?.length)) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else if (value !== '') {
      params.set(key, String(value));
    }
  }
};

/** How many filters are set (the filter bar's badge). */
export const activeFilterCount = (filters: ChatListFilters): number => {
  const params = new URLSearchParams();
  writeFilterParams(params, filters);
  return [...params.keys()].filter((key) => key !== 'tagsMode').length;
};

/** The same filters, whatever their order or spelling in the object: compared by query. */
export const sameFilters = (a: ChatListFilters, b: ChatListFilters): boolean => {
  const left = new URLSearchParams();
  const right = new URLSearchParams();
  writeFilterParams(left, a);
  writeFilterParams(right, b);
  return left.toString() === right.toString();
};
