import { EVENT_HEADERS } from '@parley/contracts';
import type { DeliveredMessage, MessageHandler } from '../bus.port';
import type { SeenEvents } from './seen-events.port';

/** The identity of an event message: its event id, else stream + revision, else none. */
export const eventIdentity = (message: DeliveredMessage): string | undefined => {
  const eventId = message.headers[EVENT_HEADERS.eventId];
  if (eventId) return `id:${eventId}`;
  const stream = message.headers[EVENT_HEADERS.streamName];
  const revision = message.headers[EVENT_HEADERS.revision];
  if (stream && revision) return `rev:${stream}@${revision}`;
  return undefined;
};

/**
 * Wrap a handler so an event it already handled is dropped. An event is remembered only after
 * the handler succeeded, so a failed attempt is retried, not dropped. Messages without an
 * identity are passed through.
 */
export const dropDuplicateEvents =
  (handler: MessageHandler, seen: SeenEvents): MessageHandler =>
  async (message) => {
    const identity = eventIdentity(message);
    if (identity === undefined) return handler(message);
    if (await seen.has(identity)) return;
    await handler(message);
    await seen.remember(identity);
  };
