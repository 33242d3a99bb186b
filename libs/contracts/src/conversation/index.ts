export * from './conversation-events';
export * from './conversation-commands';
export {
  CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
  clientOrderOf,
  clientMessageReceivedData,
  upcastConversationEvent,
} from './client-message-order';
export { conversationEventDefinitions } from './conversation-event-definitions';
export { readConversationEvent } from './read-conversation-event';
export * from './attachment-content';
