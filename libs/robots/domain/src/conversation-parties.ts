import { telegramContactId, telegramDealId } from '@parley/contracts';

/** The CRM aggregates of a conversation: its client's contact and deal. */
export interface ConversationParties {
  readonly workspaceId: string;
  readonly contactId: string;
  readonly dealId: string;
}

/**
 * The contact and deal of a Telegram conversation `ws:tg:botId:chatId`: in a private chat the
 * chat id is the client's user id, which the CRM keys them by. Null for any other id (a group
 * chat's contact cannot be told from its id: not handled in this slice).
 */
export const conversationParties = (conversationId: string): ConversationParties | null => {
  const parts = conversationId.split(':');
  if (parts.length !== 4 || parts[1] !== 'tg') return null;
  const [workspaceId, , , chatId] = parts as [string, string, string, string];
  if (workspaceId === '' || !/^\d+$/.test(chatId)) return null;
  return {
    workspaceId,
    contactId: telegramContactId(workspaceId, chatId),
    dealId: telegramDealId(workspaceId, chatId),
  };
};
