import type { LiveMessage } from '@parley/contracts';

const COLLECTIONS = ['chats', 'timeline', 'cards'] as const;
type Collection = (typeof COLLECTIONS)[number];

const isCollection = (value: unknown): value is Collection =>
  typeof value === 'string' && (COLLECTIONS as readonly string[]).includes(value);

/** Reads one WebSocket frame from /api/live; null for anything that is not a LiveMessage. */
export const parseLiveMessage = (frame: unknown): LiveMessage | null => {
  if (typeof frame !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message.type === 'hello' && typeof message.userId === 'string') {
    return { type: 'hello', userId: message.userId };
  }
  if (
    message.type === 'changed' &&
    typeof message.conversationId === 'string' &&
    Array.isArray(message.collections)
  ) {
    return {
      type: 'changed',
      workspaceId: typeof message.workspaceId === 'string' ? message.workspaceId : '',
      conversationId: message.conversationId,
      collections: message.collections.filter(isCollection),
      position: typeof message.position === 'string' ? message.position : '',
    };
  }
  return null;
};

/**
 * ws:// or wss:// URL of the live endpoint on the page's own origin, with a one-time ticket from
 * `POST /api/live/ticket` (the access token never goes in a URL).
 */
export const liveUrl = (
  location: { readonly protocol: string; readonly host: string },
  ticket: string,
): string => {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/live?ticket=${encodeURIComponent(ticket)}`;
};
