import { assertNever, type Decider } from '@parley/decider';
import {
  recordBotBlocked,
  recordBotUnblocked,
  recordClientMedia,
  recordClientMessage,
  recordClientMessageEdit,
} from './client-messages';
import type { ConversationCommand } from './conversation-commands';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import { evolve } from './conversation-evolve';
import type { ConversationState } from './conversation-state';
import {
  markMessageSent,
  recordDelivery,
  recordDeliveryFailure,
  retryMessage,
  sendMessage,
} from './manager-messages';
import { markRead, markUnread } from './mark-read';
import { placeChat } from './chat-placement';

/**
 * The Conversation aggregate (stream `conversation-{conversationId}`). This object routes each
 * command; the rules live by concern: `client-messages.ts` (what the client did),
 * `manager-messages.ts` (SendMessage, delivery results, retry, mark sent), `mark-read.ts`,
 * `conversation-rules.ts` (the guards they share) and `conversation-evolve.ts` (the state).
 *
 * Rules:
 * - The first client message opens the conversation: Started, then ClientMessageReceived.
 *   A client message of a kind Parley cannot show yet (`unsupported` content: a photo, a voice
 *   note, ...) is recorded and counted unread like any other: nothing a client sends is dropped.
 * - A message id already recorded (client or manager) emits nothing: channels and senders
 *   repeat themselves (C7: a webhook retry never shows a message twice).
 * - A client message is placed in the order the client wrote in (C7, see `placement`): one that
 *   arrives after a later one of the client's stands before it, not at its arrival. It still
 *   counts unread, also after a MarkedRead: the manager has not seen it.
 * - A manager message (SendMessage) needs an existing conversation (`conversation.not_found`) and text that is
 *   not blank (`message.empty`; `unsupported` content is the client's side only:
 *   `message.not_sendable`); its recipient is where the client wrote from.
 * - Delivery results apply to manager messages of this conversation only (`message.not_found`
 *   otherwise). A sent message stays sent: a repeated or late result emits nothing. A message
 *   in error may still be reported delivered (the channel's own retry got through); a second
 *   failure of a message in error emits nothing.
 * - RetryMessage (C4 "retry") needs a manager message in error (`message.not_failed` otherwise),
 *   whatever its failure: for `unconfirmed` it is the manager's deliberate second send. It
 *   requeues the message to the conversation's recipient with its content and `retry`, the
 *   failures so far: back to "sending".
 * - MarkMessageSent needs a manager message that failed as `unconfirmed`
 *   (`message.not_unconfirmed` otherwise): the manager checked the chat, the client got it. It is
 *   sent from then on; a late delivery or failure from the channel emits nothing.
 * - An edit (C5) of a recorded client message replaces its content and carries the version it
 *   replaces (the timeline keeps the earlier versions); an edit already applied (same editId)
 *   emits nothing. An edit of a message Parley never saw is kept as its own item (no previous
 *   version), placed like a client message; a later edit of it applies to it. An edit is not a
 *   new message: unread does not move.
 * - The client blocks the bot: ClientBlockedBot (opening the conversation first if the client
 *   never wrote); while blocked, a manager message is refused (`client.blocked_bot`) with the
 *   reason. Blocking twice, or unblocking a conversation that is not blocked, emits nothing.
 * - A client message's file (RecordClientMedia) is recorded once: ClientMediaFetched with its
 *   media id, or ClientMediaFetchFailed with the reason; for a client message of this
 *   conversation only (`message.not_found`). A second outcome for the same message emits nothing.
 * - MarkRead needs an existing conversation (`conversation.not_found`); with nothing unread it
 *   emits nothing (the command is accepted, no event): there is nothing to mark, and a repeated
 *   click must not fill the timeline. A manager's unread mark (L9) counts as unread: reading
 *   clears it.
 * - MarkUnread (L9) marks the chat unread; a chat unread already (messages or a mark) emits
 *   nothing.
 * - PlaceChat archives, unarchives, pins or unpins the chat, ignores the client or stops
 *   ignoring them (L4, L8, `chat-placement.ts`); a chat already so emits nothing. A client
 *   message brings an archived chat back (evolve): the client wrote, a manager must see it;
 *   not an ignored client's (L8: their messages are kept, still unread, but raise no alert).
 * - Unread counts client messages since the last MarkedRead. A manager's reply does not reset
 *   it: only MarkedRead does (B6), so the projector counts the same way.
 */
export const conversationDecider: Decider<
  ConversationCommand,
  ConversationDecidedEvent,
  ConversationState
> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => evolve(state, event),
  decide: (command, state) => {
    switch (command.kind) {
      case 'RecordClientMessage':
        return recordClientMessage(command, state);
      case 'RecordClientMessageEdit':
        return recordClientMessageEdit(command, state);
      case 'RecordBotBlocked':
        return recordBotBlocked(command, state);
      case 'RecordBotUnblocked':
        return recordBotUnblocked(command, state);
      case 'RecordClientMedia':
        return recordClientMedia(command, state);
      case 'SendMessage':
        return sendMessage(command, state);
      case 'RecordDelivery':
        return recordDelivery(command, state);
      case 'RecordDeliveryFailure':
        return recordDeliveryFailure(command, state);
      case 'RetryMessage':
        return retryMessage(command, state);
      case 'MarkMessageSent':
        return markMessageSent(command, state);
      case 'MarkRead':
        return markRead(command, state);
      case 'MarkUnread':
        return markUnread(command, state);
      case 'PlaceChat':
        return placeChat(command, state);
      default:
        return assertNever(command, 'conversation command');
    }
  },
};
