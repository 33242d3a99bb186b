import type { AttachmentContent, MediaItem, MediaLink, MessageContent } from '@parley/contracts';

/**
 * A manager's file (B8) rather than a client's message content: the contracts'
 * isAttachmentContent, for the web app, which imports only types from @parley/contracts (its
 * index loads the DTOs, whose decorators need reflect-metadata).
 */
export const isAttachmentContent = (
  content: MessageContent | AttachmentContent,
): content is AttachmentContent => 'attachment' in content;

/** A manager's stored file as the media tile shows it (the Media tab's item), at the message's time. */
export const mediaItemOfAttachment = (
  message: {
    readonly conversationId: string;
    readonly at: string;
    readonly content: AttachmentContent;
  },
  link: MediaLink,
): MediaItem => {
  const { attachment } = message.content;
  return {
    mediaId: attachment.mediaId,
    conversationId: message.conversationId,
    kind: message.content.kind,
    contentType: attachment.contentType,
    contentTypeSource: 'detected',
    size: attachment.size,
    fileName: attachment.fileName,
    createdAt: message.at,
    url: link.url,
    urlExpiresAt: link.expiresAt,
  };
};
