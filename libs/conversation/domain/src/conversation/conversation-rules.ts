import { CAPTION_MAX_LENGTH, type ManagerMessageContent } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import type {
  ConversationState,
  OpenConversation,
  RecordedManagerMessage,
} from './conversation-state';

/** What one command decides: the events to store, none when there is nothing to do. */
export type DecidedEvents = readonly ConversationDecidedEvent[];

/** The conversation must exist (`conversation.not_found`): the client has written. */
export const requireOpen = (
  state: ConversationState,
  conversationId?: string,
): OpenConversation => {
  if (state.status === 'open') return state;
  throw new DomainRuleViolation(
    'conversation.not_found',
    conversationId
      ? `There is no conversation ${conversationId}: the client has not written yet.`
      : 'There is no such conversation: the client has not written yet.',
  );
};

/** A manager message of this conversation (`message.not_found` otherwise). */
export const requireManagerMessage = (
  state: ConversationState,
  messageId: string,
): { open: OpenConversation; message: RecordedManagerMessage } => {
  const message = state.status === 'open' ? recordedMessage(state, messageId) : undefined;
  if (state.status !== 'open' || message?.direction !== 'manager') {
    throw new DomainRuleViolation(
      'message.not_found',
      `There is no manager message ${messageId} in this conversation.`,
    );
  }
  return { open: state, message };
};

/** The message recorded under this id, client or manager, if any. */
export const recordedMessage = (open: OpenConversation, messageId: string) =>
  Object.hasOwn(open.messages, messageId) ? open.messages[messageId] : undefined;

/** What a manager may send: text that is not blank (`message.empty`, `message.not_sendable`). */
/**
 * What a manager may send (B1, B8): text with something in it; a photo, video, document or
 * voice message with a caption within Telegram's 1,024 characters.
 */
export const requireSendable = (content: ManagerMessageContent): void => {
  if (content.kind === 'text') {
    if (content.text.trim().length > 0) return;
    throw new DomainRuleViolation('message.empty', 'The message is empty: write some text first.');
  }
  if (content.caption !== null && content.caption.length > CAPTION_MAX_LENGTH) {
    throw new DomainRuleViolation(
      'message.caption_too_long',
      `A caption may have at most ${CAPTION_MAX_LENGTH} characters (this one has ${content.caption.length}): shorten it or send the text as its own message.`,
    );
  }
};
