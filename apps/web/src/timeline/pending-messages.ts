import type { TimelineItem } from '@parley/contracts';

/** A message the manager sent that the timeline read model does not show yet. */
export interface PendingMessage {
  readonly conversationId: string;
  readonly messageId: string;
  readonly text: string;
  readonly at: string;
}

/** What the timeline shows: the read model's items, then our pending sends it does not hold yet. */
export type ShownTimelineEntry =
  | { readonly source: 'read-model'; readonly item: TimelineItem }
  | { readonly source: 'pending'; readonly pending: PendingMessage };

const messageIdOf = (item: TimelineItem): string | null =>
  item.item.kind === 'message' ? item.item.messageId : null;

export const withPendingMessages = (
  items: readonly TimelineItem[],
  pending: readonly PendingMessage[],
): ShownTimelineEntry[] => {
  const known = new Set(items.map(messageIdOf).filter((id): id is string => id !== null));
  return [
    ...items.map((item): ShownTimelineEntry => ({ source: 'read-model', item })),
    ...pending
      .filter((message) => !known.has(message.messageId))
      .map((message): ShownTimelineEntry => ({ source: 'pending', pending: message })),
  ];
};

/** Pending sends that are still not in the read model (the rest can be forgotten). */
export const stillPending = (
  items: readonly TimelineItem[],
  pending: readonly PendingMessage[],
): PendingMessage[] => {
  const known = new Set(items.map(messageIdOf));
  return pending.filter((message) => !known.has(message.messageId));
};
