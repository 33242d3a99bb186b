import type { EventEnvelope } from '@parley/contracts';

/**
 * What the writer expects the stream to be before its append (optimistic concurrency):
 * - 'no_stream': the stream has no events yet;
 * - 'stream_exists': the stream has at least one event;
 * - 'any': no check;
 * - a number: the revision of the stream's last event (revisions start at 0).
 */
export type ExpectedVersion = 'no_stream' | 'stream_exists' | 'any' | number;

/** An event as stored: its envelope plus where it sits in its stream and in the global log. */
export interface RecordedEvent<E extends EventEnvelope = EventEnvelope> {
  readonly streamName: string;
  /** 0-based position of the event in its stream. */
  readonly revision: number;
  /** Position in the global log ($all); strictly increasing in commit order. */
  readonly position: bigint;
  readonly event: E;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: number;
  /** Where each event of the batch is stored (for duplicates: where it was stored before). */
  readonly positions: readonly { readonly revision: number; readonly position: bigint }[];
  /** False when every event of the batch was already in the stream (an idempotent retry). */
  readonly appended: boolean;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default 0. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface AllFilter {
  /** Only events of streams whose name starts with one of these. */
  readonly streamPrefixes: readonly string[];
}

export interface ReadAllOptions {
  /** Return events strictly after this position; omit to start at the beginning. */
  readonly after?: bigint;
  readonly maxCount?: number;
  readonly filter?: AllFilter;
}

export interface SubscribeToAllOptions {
  /** Deliver events strictly after this checkpoint; omit to start at the beginning. */
  readonly after?: bigint;
  readonly filter?: AllFilter;
}

/**
 * A catch-up subscription: first everything stored after the checkpoint, then live events,
 * in global order, without gaps. Consume with `for await`; `close()` ends the iteration.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/** The event store port (docs/architecture.md): the source of truth and the outbox. */
export interface EventStore {
  /**
   * Append events to a stream if it is at the expected version. Events whose eventId is already
   * in the stream are not stored again; a batch that is wholly present is a successful no-op.
   * Throws WrongExpectedVersion when the stream is elsewhere.
   */
  append(
    streamName: string,
    events: readonly EventEnvelope[],
    options: { readonly expected: ExpectedVersion },
  ): Promise<AppendResult>;

  /** Read a stream forwards. A stream that does not exist reads as empty. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Read the global log forwards, in commit order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  close(): Promise<void>;
}
