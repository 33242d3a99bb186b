import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type CurrentRevision,
  type JSONEventData,
  type JSONType,
} from '@eventstore/db-client';
import { ContractViolation, type EventEnvelope, type EventMetadata } from '@parley/contracts';
import type { ExpectedVersion } from '../event-store.port';

/** EventStoreDB stores event ids as UUIDs; ours are (newId, deterministicId). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toExpectedRevision = (expected: ExpectedVersion): AppendExpectedRevision => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
};

export const fromCurrentRevision = (actual: CurrentRevision): number | 'no_stream' =>
  actual === NO_STREAM ? 'no_stream' : Number(actual);

/**
 * Our metadata plus EventStoreDB's own `$correlationId`/`$causationId` (which its projections
 * and UI understand). The `$` keys are dropped again on read.
 */
export const toEventData = (event: EventEnvelope): JSONEventData => {
  const { metadata } = event;
  if (!UUID.test(metadata.eventId)) {
    throw new ContractViolation('event', [
      { field: 'metadata.eventId', reason: 'must be a UUID for EventStoreDB' },
    ]);
  }
  return {
    id: metadata.eventId,
    contentType: 'application/json',
    type: event.type,
    data: event.data as JSONType,
    metadata: {
      ...metadata,
      $correlationId: metadata.correlationId,
      ...(metadata.causationId === null ? {} : { $causationId: metadata.causationId }),
    },
  };
};

export const envelopeFromStored = (
  type: string,
  data: unknown,
  metadata: unknown,
): EventEnvelope => {
  const own = Object.fromEntries(
    Object.entries((metadata ?? {}) as Record<string, unknown>).filter(
      ([key]) => !key.startsWith('$'),
    ),
  );
  return { type, data, metadata: own as unknown as EventMetadata };
};

/** System streams and events ($-prefixed) are EventStoreDB's, never ours. */
export const isSystem = (streamName: string, type: string): boolean =>
  streamName.startsWith('$') || type.startsWith('$');
