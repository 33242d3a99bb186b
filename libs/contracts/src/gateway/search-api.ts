/**
 * Search (L2): one box finds a chat by the client's name or username, a tag, or a word of any
 * message or of its translation (issue 11, issue 12). `GET /api/search?q=&limit=` answers
 * `SearchResults`, best match first, inside the user's workspace only.
 */

/** What a hit matched: the contact, a tag, or a message (its text or its translation). */
export type SearchMatchField = 'name' | 'username' | 'tag' | 'message' | 'translation';

/** A half-open range `[start, end)` of UTF-16 code units inside a hit's `snippet`. */
export type SearchHighlight = readonly [start: number, end: number];

/** The message a hit matched, so the web app opens the conversation scrolled to it. */
export interface SearchHitMessage {
  /** The timeline item's `_id` (TimelineItem._id) of the message. */
  readonly timelineItemId: string;
  /** Its `orderKey` on the timeline (the `before` cursor pages until it is loaded). */
  readonly orderKey: string;
  readonly direction: 'in' | 'out';
  readonly at: string;
}

export interface SearchHit {
  readonly conversationId: string;
  readonly contactName: string;
  readonly username: string | null;
  readonly tags: readonly string[];
  readonly matchedIn: SearchMatchField;
  /** The matched message; null when the name, username or a tag matched. */
  readonly message: SearchHitMessage | null;
  /** The text shown for the hit: a window of the matched message, or the matched name or tag. */
  readonly snippet: string;
  /** Where the query matched inside `snippet`, for highlighting (never HTML). */
  readonly highlights: readonly SearchHighlight[];
  readonly lastActivityAt: string | null;
}

export interface SearchResults {
  readonly query: string;
  readonly hits: readonly SearchHit[];
}

/** The longest search query accepted; longer answers 400 naming `q`. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
