import {
  contentPreview,
  conversationEventDefinitions,
  EventCatalog,
  managerMessagePreview,
  readEvent,
  streamName,
  type ConversationEvent,
  type MessageContent,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import type { MessageForPrompt } from '@parley/translation-domain';

const conversationCatalog = new EventCatalog().register(...conversationEventDefinitions);

/** One message of a conversation, as the translation service reads it. */
export interface ConversationMessage {
  readonly messageId: string;
  readonly direction: 'in' | 'out';
  /** Who sent an `out` message (a manager's id); `client` for `in`. */
  readonly author: string;
  /** What the message says, for a prompt: its text, or "Photo: caption", "Location", ... */
  readonly preview: string;
  /** The text a translation is made of: a text's, a caption; null for a message without words. */
  readonly translatable: string | null;
  readonly at: string;
}

/** What the conversation stream says that translation needs. */
export interface ConversationRecord {
  /** The client's own language setting (Telegram's `language_code`), when the channel gave one. */
  readonly clientProfileLanguage: string | null;
  /** Client and manager messages, in the order they were recorded; an edit replaces the text. */
  readonly messages: readonly ConversationMessage[];
}

/** The words of a client message worth translating: a text's, or a file's caption. */
export const translatableText = (content: MessageContent): string | null => {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'photo':
    case 'video':
    case 'video_note':
    case 'voice':
    case 'audio':
    case 'document':
    case 'animation':
    case 'unsupported':
      return content.caption && content.caption.trim() !== '' ? content.caption : null;
    default:
      return null;
  }
};

const clientMessage = (
  messageId: string,
  content: MessageContent,
  at: string,
): ConversationMessage => ({
  messageId,
  direction: 'in',
  author: 'client',
  preview: contentPreview(content),
  translatable: translatableText(content),
  at,
});

/**
 * A conversation's stream (`conversation-{id}`), read and checked event by event (upcast to the
 * current versions), reduced to the client's language setting and the messages.
 */
export const readConversationRecord = async (
  store: EventStore,
  conversationId: string,
): Promise<ConversationRecord> => {
  const events = (await store.readStream(streamName('conversation', conversationId))).map(
    (r) => readEvent(conversationCatalog, r.event) as ConversationEvent,
  );
  let clientProfileLanguage: string | null = null;
  const messages: ConversationMessage[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'Conversation.Started':
        clientProfileLanguage = event.data.client.languageCode;
        break;
      case 'Conversation.ClientMessageReceived':
        messages.push(clientMessage(event.data.messageId, event.data.content, event.data.sentAt));
        break;
      case 'Conversation.ClientMessageEdited': {
        const edited = clientMessage(event.data.messageId, event.data.content, event.data.sentAt);
        const at = messages.findIndex((m) => m.messageId === event.data.messageId);
        if (at < 0) messages.push(edited);
        else messages[at] = edited;
        break;
      }
      case 'Conversation.ManagerMessageQueued':
        messages.push({
          messageId: event.data.messageId,
          direction: 'out',
          author: event.data.managerId,
          preview: managerMessagePreview(event.data.content),
          translatable: null,
          at: event.data.queuedAt,
        });
        break;
      default:
        break;
    }
  }
  return { clientProfileLanguage, messages };
};

/**
 * The conversation's last `count` messages for a prompt, oldest first, each client message with
 * its translation into the team's language when there is one (`translations` by message id).
 */
export const messagesForPrompt = (
  record: ConversationRecord,
  translations: ReadonlyMap<string, string>,
  count: number,
): MessageForPrompt[] =>
  record.messages.slice(-count).map((m) => ({
    direction: m.direction,
    author: m.author,
    text: m.preview,
    translation: translations.get(m.messageId) ?? null,
    at: m.at,
  }));
