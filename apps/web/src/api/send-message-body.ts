import type { TranslatedFrom } from '@parley/contracts';

/**
 * The body of `POST /api/chats/:conversationId/messages`: a text; or an uploaded file
 * (`attachmentId`, B8) or a reply template's file (`templateId`, issue 13: the gateway takes the
 * file from the workspace's template library) with `text` as its caption, left out when blank.
 * A text sent in translation (B4) carries what the manager wrote as `translatedFrom`.
 */
export const sendMessageBody = (
  text: string,
  messageId: string,
  attachmentId?: string,
  templateId?: string,
  translatedFrom?: TranslatedFrom,
): Record<string, string | TranslatedFrom> => {
  const caption: Record<string, string> = text.trim() === '' ? {} : { text };
  if (templateId !== undefined) return { messageId, templateId, ...caption };
  if (attachmentId !== undefined) return { messageId, attachmentId, ...caption };
  return translatedFrom === undefined
    ? { text, messageId }
    : {
        text,
        messageId,
        translatedFrom: { text: translatedFrom.text, language: translatedFrom.language },
      };
};
