import {
  CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
  streamName,
  type CommandEnvelope,
} from '@parley/contracts';
import { handleCommand, type CommandHandler } from '@parley/command-handling';
import { conversationDecider, type ConversationCommand } from '@parley/conversation-domain';
import type { EventStore } from '@parley/eventstore';

/** The Conversation aggregate's stream: `conversation-{conversationId}`. */
export const conversationStream = (conversationId: string): string =>
  streamName('conversation', conversationId);

/** Run one Conversation command: read, fold, decide, append (handleCommand). */
export const runConversationCommand = (
  store: EventStore,
  conversationId: string,
  command: ConversationCommand,
  envelope: CommandEnvelope,
  causationId?: string,
): ReturnType<CommandHandler> =>
  handleCommand({
    store,
    streamName: conversationStream(conversationId),
    aggregateId: conversationId,
    decider: conversationDecider,
    command,
    envelope,
    causationId,
    schemaVersionOf,
  });

/** The schema version each Conversation event is written with (v1 unless it moved). */
const schemaVersionOf = (type: string): number =>
  type === 'Conversation.ClientMessageReceived' ? CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION : 1;
