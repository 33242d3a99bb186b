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

/** The cursor's sort key, or null when it is not one this gateway wrote. */
export const decodeChatListCursor = (text: string): ChatListCursor | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { lastActivityAt, _id } = value as Record<string, unknown>;
    if (typeof lastActivityAt !== 'string' || typeof _id !== 'string') return null;
    return { lastActivityAt, _id };
  } catch {
    return null;
  }
};
