export * from './message-content';
export * from './channel-events';
export {
  ChannelClientDto,
  ClientStartedDataDto,
  MessageReceivedDataDto,
  MessageEditedDataDto,
  BotBlockedDataDto,
  BotUnblockedDataDto,
  MessageDeliveredDataDto,
  MessageDeliveryFailedDataDto,
  MessageSendAttemptedDataDto,
  MessageSendAttemptFailedDataDto,
  MediaFetchedDataDto,
  MediaFetchFailedDataDto,
  FieldIssueDto,
  UpdateRejectedDataDto,
  MESSAGE_RECEIVED_SCHEMA_VERSION,
  channelEventDefinitions,
} from './channel-event-definitions';
export { readChannelEvent } from './read-channel-event';
