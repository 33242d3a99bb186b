/** Where a chat-list page ended: the last chat's sort key. */
export interface ChatListCursor {
  readonly lastActivityAt: string;
  readonly _id: string;
}

/** Opaque to the client: base64url of the JSON sort key. */
export const encodeChatListCursor = (cursor: ChatListCursor): string =>
  Buffer.from(JSON.stringify({ lastActivityAt: cursor.lastActivityAt, _id: cursor._id })).toString(
    'base64url',
  );

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * The cursor's sort key, or null when it is not one this gateway wrote: base64url of an object
 * with an ISO timestamp and a chat id (at most 500 characters), nothing else.
 */
export const decodeChatListCursor = (text: string): ChatListCursor | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const { lastActivityAt, _id, ...rest } = value as Record<string, unknown>;
    if (typeof lastActivityAt !== 'string' || !TIMESTAMP.test(lastActivityAt)) return null;
    if (typeof _id !== 'string' || _id.length === 0 || _id.length > 500) return null;
    if (Object.keys(rest).length > 0) return null;
    return { lastActivityAt, _id };
  } catch {
    return null;
  }
};
