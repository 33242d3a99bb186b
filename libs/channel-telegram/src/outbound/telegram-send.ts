import type { AttachmentContent, ManagerMessageContent } from '@parley/contracts';
import type { MediaStore } from '@parley/media-store';
import { InputFile, type Api } from 'grammy';

/** A manager's attachment the media store no longer has (or a channel that keeps none). */
export class AttachmentMissing extends Error {
  constructor(readonly mediaId: string) {
    super(`the attached file ${mediaId} is not in the media store`);
    this.name = 'AttachmentMissing';
  }
}

/** The failure recorded for an attachment that cannot be read: never sent, not retryable. */
export const ATTACHMENT_MISSING_FAILURE = {
  code: 'attachment_missing',
  reason: 'The attached file is no longer stored, so it was not sent: attach it again',
  retryable: false,
} as const;

/** What a manager's message is sent as: its Telegram message id. */
export interface TelegramSent {
  readonly message_id: number;
}

/**
 * One Bot API call for a manager's message (B1, B8): sendMessage for text; for an attachment,
 * sendPhoto, sendVideo, sendDocument or sendVoice with the file's bytes streamed from the media
 * store as a multipart upload (never a URL Telegram would fetch), its sanitised name, and the
 * caption. Throws AttachmentMissing when the store has no such file, before any call.
 */
export const sendToTelegram = async (
  api: Api,
  media: MediaStore | null,
  workspaceId: string,
  chatId: number | string,
  content: ManagerMessageContent,
): Promise<TelegramSent> => {
  if (content.kind === 'text') return api.sendMessage(chatId, content.text);
  const file = await openAttachment(media, workspaceId, content);
  const options = content.caption === null ? {} : { caption: content.caption };
  switch (content.kind) {
    case 'photo':
      return api.sendPhoto(chatId, file, options);
    case 'video':
      return api.sendVideo(chatId, file, { ...options, supports_streaming: true });
    case 'document':
      return api.sendDocument(chatId, file, options);
    case 'voice':
      return api.sendVoice(chatId, file, options);
  }
};

const openAttachment = async (
  media: MediaStore | null,
  workspaceId: string,
  content: AttachmentContent,
): Promise<InputFile> => {
  const { mediaId, fileName } = content.attachment;
  const opened = media === null ? null : await media.get(workspaceId, mediaId);
  if (opened === null) throw new AttachmentMissing(mediaId);
  return new InputFile(opened.content, fileName);
};

/** Whether the media store still has a manager's attachment (checked before an attempt). */
export const attachmentAvailable = async (
  media: MediaStore | null,
  workspaceId: string,
  content: ManagerMessageContent,
): Promise<boolean> =>
  content.kind === 'text' ||
  (media !== null && (await media.stat(workspaceId, content.attachment.mediaId)) !== null);
