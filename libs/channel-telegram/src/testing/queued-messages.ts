import {
  newId,
  telegramConversationId,
  type ManagerMessageContent,
  type ManagerMessageQueued,
} from '@parley/contracts';

/**
 * A manager's text (or `content`) to Telegram chat `chat` of bot `botId` in `workspaceId`, as the conversation
 * service records it (`Conversation.ManagerMessageQueued`, manager `manager-1`, queued at `at`):
 * what the channel's outbound consumer reads. Fresh message and event ids on each call.
 */
export const queuedManagerMessage = (o: {
  readonly workspaceId: string;
  readonly botId: string;
  readonly chat: number;
  readonly text: string;
  readonly at: Date;
  /** Instead of the text: an attachment, or any content. */
  readonly content?: ManagerMessageContent;
}): ManagerMessageQueued => {
  const conversationId = telegramConversationId(o.workspaceId, o.botId, o.chat);
  const eventId = newId();
  const at = o.at.toISOString();
  return {
    type: 'Conversation.ManagerMessageQueued',
    data: {
      conversationId,
      messageId: newId(),
      managerId: 'manager-1',
      recipient: { channel: 'telegram', botId: o.botId, chatId: String(o.chat) },
      content: o.content ?? { kind: 'text', text: o.text },
      queuedAt: at,
    },
    metadata: {
      eventId,
      workspaceId: o.workspaceId,
      aggregateId: conversationId,
      occurredAt: at,
      schemaVersion: 1,
      correlationId: eventId,
      causationId: null,
      actor: { kind: 'manager', id: 'manager-1' },
    },
  };
};
