/**
 * The reply being written. Its messageId stays the same while the text does, so sending again
 * after a timeout or a lost answer cannot send the message twice (the gateway dedups on the
 * id); editing the text makes it a new message with a new id.
 */
export interface ReplyDraft {
  readonly text: string;
  readonly messageId: string;
}

export const emptyDraft = (newId: () => string): ReplyDraft => ({ text: '', messageId: newId() });

export const editDraft = (draft: ReplyDraft, text: string, newId: () => string): ReplyDraft =>
  text === draft.text ? draft : { text, messageId: newId() };

/** Whitespace alone is not a message. Gateway limit: 4096 characters. */
export const MAX_MESSAGE_LENGTH = 4096;
export const canSend = (draft: ReplyDraft): boolean =>
  draft.text.trim() !== '' && draft.text.length <= MAX_MESSAGE_LENGTH;

/** Enter sends; Shift+Enter (and Enter while an input method is composing) is a new line. */
export const isSendKeystroke = (key: {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly isComposing?: boolean;
}): boolean => key.key === 'Enter' && !key.shiftKey && !key.isComposing;

/** Where the reply's file stands: none, still uploading, or uploaded and ready to send. */
export type DraftAttachment = 'none' | 'uploading' | 'ready';

/**
 * With an uploaded file the text is its caption: optional, up to Telegram's 1,024 characters
 * (CAPTION_MAX_LENGTH); while the file uploads nothing can be sent.
 */
export const canSendWith = (
  draft: ReplyDraft,
  attachment: DraftAttachment,
  captionMaxLength: number,
): boolean =>
  attachment === 'none'
    ? canSend(draft)
    : attachment === 'ready' && draft.text.length <= captionMaxLength;
