import type {
  AttachmentContent,
  MessageContent,
  TimelineItem,
  UploadedAttachment,
} from '@parley/contracts';

/** A message the manager sent that the timeline read model does not show yet. */
export interface PendingMessage {
  readonly conversationId: string;
  readonly messageId: string;
  /** The text, or the file's caption ('' for none). */
  readonly text: string;
  readonly at: string;
  /** The uploaded file it sends (B8), else null. */
  readonly attachment: UploadedAttachment | null;
}

/**
 * What a pending send shows until the read model holds it: its text, or its file (kind, name,
 * size) with the caption, as the read model will hold it.
 */
export const pendingContent = (message: PendingMessage): MessageContent | AttachmentContent => {
  const { attachment, text } = message;
  if (attachment === null) return { kind: 'text', text };
  return {
    kind: attachment.kind,
    attachment: {
      mediaId: attachment.mediaId,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      size: attachment.size,
    },
    caption: text.trim() === '' ? null : text,
  };
};

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
