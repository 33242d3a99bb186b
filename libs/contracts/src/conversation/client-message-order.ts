import type { ClientMessageReceived } from './conversation-events';

/**
 * The version `Conversation.ClientMessageReceived` is written with: v2 added its order (C7), v3
 * every kind of content (issue 9).
 */
export const CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION = 3;

/**
 * A client message's number in the client's order, from the messenger's id of it: Telegram's
 * `message_id` (decimal, grows per chat). Null for an id that is not such a number.
 */
export const clientOrderOf = (externalMessageId: string): number | null => {
  if (!/^\d{1,15}$/.test(externalMessageId)) return null;
  const order = Number(externalMessageId);
  return Number.isSafeInteger(order) ? order : null;
};

type ClientMessageReceivedData = ClientMessageReceived['data'];
type ClientMessageReceivedV1Data = Omit<ClientMessageReceivedData, 'clientOrder' | 'placedAt'> &
  Partial<Pick<ClientMessageReceivedData, 'clientOrder' | 'placedAt'>>;

/**
 * Read a `Conversation.ClientMessageReceived` payload of any version as v2. A v1 event (before
 * C7's order) takes its order from its Telegram message id and stands at the time the client
 * sent it, the order the timeline showed then.
 */
export const clientMessageReceivedData = (
  data: ClientMessageReceivedV1Data,
): ClientMessageReceivedData => ({
  ...data,
  clientOrder:
    data.clientOrder !== undefined ? data.clientOrder : clientOrderOf(data.externalMessageId),
  placedAt: data.placedAt ?? data.sentAt,
});

/**
 * A conversation event as the current version: every type passes through unchanged except a
 * v1 `Conversation.ClientMessageReceived`, which is lifted to v2. For every reader of the
 * conversation's events (the decider's fold, the projections), once, where they read.
 */
export const upcastConversationEvent = <
  E extends { readonly type: string; readonly data: unknown },
>(
  event: E,
): E => {
  if (event.type !== 'Conversation.ClientMessageReceived') return event;
  const data = event.data as ClientMessageReceivedV1Data;
  if (data.clientOrder !== undefined && data.placedAt !== undefined) return event;
  return { ...event, data: clientMessageReceivedData(data) };
};
