import type { ChatStatus } from './chat-list';

/**
 * The chat list's filters (L3, L6, issue 11), combinable with each other, with a quick tab and
 * with the archive toggle. In `GET /api/chats` they are query parameters of the same names;
 * list values are comma-separated (`tags=vip,price-asked`). Omitted means "any".
 */
export interface ChatListFilters {
  /** Tag names; with `tagsMode` `any` (default) a chat with one of them, `all` with every one. */
  readonly tags?: readonly string[];
  readonly tagsMode?: 'any' | 'all';
  readonly status?: readonly ChatStatus[];
  /** Only chats with unread client messages or marked unread (L9). */
  readonly unread?: boolean;
  /** Last activity at or after `from` and before `to` (ISO 8601 date-times). */
  readonly from?: string;
  readonly to?: string;
  /** The responsible manager's user id, `me` (the signed-in user) or `none` (unassigned). */
  readonly manager?: string;
  /** The attribution source of the client's first `/start` (R2), e.g. `instagram`. */
  readonly source?: string;
  readonly channel?: 'telegram';
  readonly line?: 1 | 2;
}

/** The query-parameter names of `ChatListFilters`, in the order the web app writes them. */
export const CHAT_LIST_FILTER_KEYS = [
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

/**
 * A saved view of the chat list (issue 11): a name for a tab, the archive toggle and filters.
 * Every user gets the built-in views (`mine`, `unassigned`, `line-2`) and saves their own.
 * `GET /api/chat-views` lists them, `POST /api/chat-views` saves one (`SaveChatViewRequest`),
 * `DELETE /api/chat-views/:viewId` deletes one of the user's own.
 */
export interface ChatView {
  readonly viewId: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly tab: 'all' | 'pinned' | 'manual' | 'auto' | 'ignored';
  readonly archived: boolean;
  readonly filters: ChatListFilters;
}

export interface SaveChatViewRequest {
  readonly name: string;
  readonly tab?: ChatView['tab'];
  readonly archived?: boolean;
  readonly filters: ChatListFilters;
}
