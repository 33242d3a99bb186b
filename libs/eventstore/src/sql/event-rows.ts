import type { EventEnvelope, EventMetadata } from '@parley/contracts';
import type { RecordedEvent } from '../event-store.port';

/** A row of the events table as the drivers return it (int8 as string, number or bigint). */
export interface EventRow {
  readonly position: string | number | bigint;
  readonly stream_name: string;
  readonly revision: string | number | bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** `pg` returns int8 as a string, PGlite as a number (or a bigint beyond 2^53). */
export const toBigInt = (value: string | number | bigint): bigint => {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${value} lost precision`);
  }
  return BigInt(value);
};

export const toRevision = (value: string | number | bigint): number => {
  const revision = Number(value);
  if (!Number.isSafeInteger(revision))
    throw new RangeError(`revision ${String(value)} is too large`);
  return revision;
};

export const recordedEventFromRow = (row: EventRow): RecordedEvent => ({
  streamName: row.stream_name,
  revision: toRevision(row.revision),
  position: toBigInt(row.position),
  event: {
    type: row.type,
    data: row.data,
    metadata: row.metadata as EventMetadata,
  } satisfies EventEnvelope,
});
