/**
 * The body of `POST /api/chats/:conversationId/messages`: a text; or an uploaded file
 * (`attachmentId`, B8) or a reply template's file (`templateId`, issue 13: the gateway takes the
 * file from the workspace's template library) with `text` as its caption, left out when blank.
 */
export const sendMessageBody = (
  text: string,
  messageId: string,
  attachmentId?: string,
  templateId?: string,
): Record<string, string> => {
  const caption: Record<string, string> = text.trim() === '' ? {} : { text };
  if (templateId !== undefined) return { messageId, templateId, ...caption };
  if (attachmentId !== undefined) return { messageId, attachmentId, ...caption };
  return { text, messageId };
};
