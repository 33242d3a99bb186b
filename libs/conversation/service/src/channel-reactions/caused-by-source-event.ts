import type { EventStore } from '@parley/eventstore';

/**
 * The store as seen by a reaction to an event: every appended event's causationId is the source
 * event's id (STYLE.md 7), not the id of the synthetic command handleCommand was given (which is
 * stored nowhere). Everything else passes through; closing is left to the store's owner.
 */
export const causedBySourceEvent = (store: EventStore, sourceEventId: string): EventStore => ({
  append: (stream, events, options) =>
    store.append(
      stream,
      events.map((e) => ({ ...e, metadata: { ...e.metadata, causationId: sourceEventId } })),
      options,
    ),
  readStream: (stream, options) => store.readStream(stream, options),
  readAll: (options) => store.readAll(options),
  subscribeToAll: (options) => store.subscribeToAll(options),
  close: async () => undefined,
});
