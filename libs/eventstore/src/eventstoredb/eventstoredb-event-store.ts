import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  START,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type ReadPosition,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import type { EventEnvelope } from '@parley/contracts';
import { validateAppend } from '../append-batch';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { WrongExpectedVersion } from '../wrong-expected-version';
import {
  envelopeFromStored,
  fromCurrentRevision,
  isSystem,
  toEventData,
  toExpectedRevision,
} from './eventstoredb-mapping';

export interface EventStoreDbEventStoreOptions {
  /** `esdb://host:2113?tls=false` and the like. */
  readonly connectionString: string;
}

type Stored = { readonly revision: number; readonly position: bigint };

/**
 * A recorded event as our port sees it, or undefined for what is not ours: system streams,
 * binary events, unresolved links. Positions are the commit position in the transaction log.
 */
const toRecorded = (
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event || !event.isJson || isSystem(event.streamId, event.type)) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) {
    throw new Error('EventStoreDB returned no position: the server must be 22.6 or newer');
  }
  return {
    streamName: event.streamId,
    revision: Number(event.revision),
    position,
    event: envelopeFromStored(event.type, event.data, event.metadata),
  };
};

/** `after` is exclusive in our port; EventStoreDB reads start at a position inclusively. */
const fromPositionAfter = (after: bigint | undefined): ReadPosition =>
  after === undefined ? START : { commit: after, prepare: after };

/** Read until `keep` says stop; cancel the gRPC call when we stop early. */
const drain = async <E>(read: StreamingRead<E>, keep: (event: E) => boolean): Promise<void> => {
  let ended = false;
  try {
    for await (const event of read) {
      if (!keep(event)) return;
    }
    ended = true;
  } finally {
    if (!ended) await read.cancel().catch(() => undefined);
  }
};

/**
 * The event store on EventStoreDB (distributed deployment). Streams, revisions and expected
 * versions map one to one; global positions are $all commit positions.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EventStoreDbAllSubscription>();
  private closing: Promise<void> | undefined;

  constructor(private readonly client: EventStoreDBClient) {}

  async append(
    streamName: string,
    events: readonly EventEnvelope[],
    options: { readonly expected: ExpectedVersion },
  ): Promise<AppendResult> {
    this.assertOpen();
    const batch = validateAppend(streamName, events, options.expected);
    const eventData = batch.map(toEventData);

    // The port's idempotency ("ids already in the stream are skipped; a batch wholly present
    // is a no-op without version check") is wider than EventStoreDB's own (same ids right
    // after the expected revision), so look for the ids first. This reads the stream, which
    // command handling has just done anyway; streams are per aggregate.
    const ids = new Set(batch.map((e) => e.metadata.eventId));
    const already =
      ids.size > 0 ? await this.findStored(streamName, ids) : new Map<string, Stored>();
    if (batch.length > 0 && already.size === batch.length) {
      const last = await this.lastRevision(streamName);
      return {
        appended: false,
        nextExpectedRevision: last,
        positions: batch.map((e) => already.get(e.metadata.eventId) as Stored),
      };
    }

    const fresh = eventData.filter((e) => !already.has(e.id));
    let next: number;
    try {
      const result = await this.client.appendToStream(streamName, fresh, {
        expectedRevision: toExpectedRevision(options.expected),
      });
      next = Number(result.nextExpectedRevision);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedVersion(
          streamName,
          options.expected,
          fromCurrentRevision(error.actualVersion),
        );
      }
      throw error;
    }
    if (fresh.length === 0) {
      return { appended: false, nextExpectedRevision: next, positions: [] };
    }

    // The append answers with the last position only: read the new events back for theirs.
    const written = new Map<string, Stored>();
    await drain(
      this.client.readStream(streamName, {
        fromRevision: BigInt(next - fresh.length + 1),
        maxCount: fresh.length,
        direction: FORWARDS,
      }),
      (resolved) => {
        const recorded = toRecorded(resolved);
        if (recorded) written.set(recorded.event.metadata.eventId, recorded);
        return true;
      },
    );
    const missing = new Set([...ids].filter((id) => !already.has(id) && !written.has(id)));
    // With expected 'any' the server may have deduplicated some ids elsewhere in the stream.
    const elsewhere = missing.size > 0 ? await this.findStored(streamName, missing) : new Map();
    return {
      appended: true,
      nextExpectedRevision: next,
      positions: batch.map((e) => {
        const id = e.metadata.eventId;
        const at = already.get(id) ?? written.get(id) ?? elsewhere.get(id);
        if (!at)
          throw new Error(`event ${id} was appended to ${streamName} but cannot be read back`);
        return { revision: at.revision, position: at.position };
      }),
    };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.maxCount === 0) return [];
    const events: RecordedEvent[] = [];
    try {
      await drain(
        this.client.readStream(streamName, {
          fromRevision: BigInt(options.fromRevision ?? 0),
          direction: FORWARDS,
          ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
        }),
        (resolved) => {
          const recorded = toRecorded(resolved);
          if (recorded) events.push(recorded);
          return true;
        },
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { after, maxCount, filter } = options;
    const events: RecordedEvent[] = [];
    if (maxCount === 0) return events;
    // @eventstore/db-client 6.2.1 has no server-side filter for reads: filter here.
    await drain(
      this.client.readAll({ fromPosition: fromPositionAfter(after), direction: FORWARDS }),
      (resolved) => {
        const recorded = toRecorded(resolved);
        if (!recorded) return true;
        if (after !== undefined && recorded.position <= after) return true;
        if (filter && !filter.streamPrefixes.some((p) => recorded.streamName.startsWith(p)))
          return true;
        events.push(recorded);
        return maxCount === undefined || events.length < maxCount;
      },
    );
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const filter =
      options.filter && options.filter.streamPrefixes.length > 0
        ? streamNameFilter({ prefixes: [...options.filter.streamPrefixes] })
        : excludeSystemEvents();
    const subscription = new EventStoreDbAllSubscription(
      this.client.subscribeToAll({ fromPosition: fromPositionAfter(options.after), filter }),
      options,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.close()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  /** Where each of `ids` already sits in the stream (a full forward read of the stream). */
  private async findStored(
    streamName: string,
    ids: ReadonlySet<string>,
  ): Promise<Map<string, Stored>> {
    const found = new Map<string, Stored>();
    for (const recorded of await this.readStream(streamName)) {
      const id = recorded.event.metadata.eventId;
      if (ids.has(id)) found.set(id, { revision: recorded.revision, position: recorded.position });
    }
    return found;
  }

  private async lastRevision(streamName: string): Promise<number> {
    let last = -1;
    try {
      await drain(
        this.client.readStream(streamName, {
          fromRevision: END,
          direction: BACKWARDS,
          maxCount: 1,
        }),
        (resolved) => {
          if (resolved.event) last = Number(resolved.event.revision);
          return false;
        },
      );
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return last;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the event store is closed');
  }
}

const CLOSED = Symbol('closed');

/**
 * Wraps an EventStoreDB catch-up subscription: maps events, drops what is not ours and what is
 * not after the checkpoint, and ends the iteration on close() even though a cancelled gRPC
 * stream does not end the client's Readable.
 */
class EventStoreDbAllSubscription implements AllSubscription {
  private closed = false;
  private signalClosed: () => void = () => undefined;
  private readonly closedSignal = new Promise<typeof CLOSED>((resolve) => {
    this.signalClosed = () => resolve(CLOSED);
  });
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(
    private readonly subscription: AllStreamSubscription,
    private readonly options: SubscribeToAllOptions,
    private readonly onClosed: (subscription: EventStoreDbAllSubscription) => void,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    this.onClosed(this);
    await this.subscription.unsubscribe().catch(() => undefined);
    this.subscription.destroy();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    const source = this.subscription[Symbol.asyncIterator]();
    const { after, filter } = this.options;
    try {
      while (!this.closed) {
        const next = await Promise.race([source.next(), this.closedSignal]);
        if (next === CLOSED || next.done) return;
        const recorded = toRecorded(next.value);
        if (!recorded) continue;
        if (after !== undefined && recorded.position <= after) continue;
        if (filter && !filter.streamPrefixes.some((p) => recorded.streamName.startsWith(p)))
          continue;
        yield recorded;
      }
    } finally {
      await this.close();
    }
  }
}

/** The event store on EventStoreDB, e.g. `esdb://localhost:2113?tls=false`. */
export const createEventStoreDbEventStore = async (
  options: EventStoreDbEventStoreOptions,
): Promise<EventStore> =>
  new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.connectionString));
