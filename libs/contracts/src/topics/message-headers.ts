/**
 * Headers the relay puts on every event it publishes, so consumers can route, deduplicate
 * (by eventId, or by stream + revision) and trace without parsing the payload.
 */
export const EVENT_HEADERS = {
  eventId: 'parley-event-id',
  eventType: 'parley-event-type',
  streamName: 'parley-stream',
  revision: 'parley-revision',
  position: 'parley-position',
  workspaceId: 'parley-workspace-id',
  correlationId: 'parley-correlation-id',
} as const;

/** Headers a dead-lettered message carries besides its original headers. */
export const DEAD_LETTER_HEADERS = {
  error: 'parley-dead-letter-error',
  originalTopic: 'parley-dead-letter-topic',
  partition: 'parley-dead-letter-partition',
  offset: 'parley-dead-letter-offset',
  attempts: 'parley-dead-letter-attempts',
  groupId: 'parley-dead-letter-group',
} as const;
