import { newId, type CommandEnvelope } from '@parley/contracts';
import { isDomainRuleViolation } from '@parley/decider';
import {
  createPgliteEventStore,
  type EventStore,
  type ReadStreamOptions,
} from '@parley/eventstore';
import { AggregateStates } from './aggregate-states';
import { handleCommand } from './handle-command';
import { tallyDecider, type TallyCommand, type TallyState } from './testing/tally-decider';

// handleCommand keeps each stream's folded state between commands (AggregateStates), so a
// command decides on it and appends with its revision expected, reading only when that conflicts
// or decides nothing; decisions stay those of a full read.

const STREAM = 'tally-ws1:t1';

const envelope = (): CommandEnvelope => ({
  commandId: newId(),
  service: 'tally',
  type: 'CountTally',
  data: {},
  metadata: {
    workspaceId: 'ws1',
    aggregateId: 'ws1:t1',
    issuedAt: new Date().toISOString(),
    correlationId: newId(),
    causationId: null,
    actor: { kind: 'manager', id: 'u1' },
  },
});

/** The store, recording the revision each readStream of STREAM started from. */
const recordingReads = (store: EventStore, reads: number[]): EventStore =>
  new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readStream') {
        return (name: string, options?: ReadStreamOptions) => {
          if (name === STREAM) reads.push(options?.fromRevision ?? 0);
          return target.readStream(name, options);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

describe('handleCommand with folded states', () => {
  let store: EventStore;

  beforeEach(async () => {
    store = await createPgliteEventStore();
  });

  afterEach(async () => {
    await store.close();
  });

  const count = (
    on: EventStore,
    states: AggregateStates<TallyState> | null,
    command: TallyCommand,
  ) =>
    handleCommand({
      store: on,
      streamName: STREAM,
      aggregateId: 'ws1:t1',
      decider: tallyDecider,
      command,
      envelope: envelope(),
      states,
    });

  it('given earlier commands in this process, when more come, then they decide on the folded state and append without reading', async () => {
    const reads: number[] = [];
    const states = new AggregateStates<TallyState>();
    const watched = recordingReads(store, reads);

    for (let i = 0; i < 4; i++) await count(watched, states, { by: 1, limit: 100 });

    // One whole read (nothing there); then each append's expected revision confirms the state.
    expect(reads).toEqual([0]);
    expect(states.get(STREAM)).toEqual({ state: { total: 4 }, revision: 3 });
    expect((await store.readStream(STREAM)).map((r) => r.revision)).toEqual([0, 1, 2, 3]);
  });

  it('given a folded state that refuses, when the stream moved since, then the refusal is checked on the events after it and the command goes through', async () => {
    const reads: number[] = [];
    const states = new AggregateStates<TallyState>();
    const watched = recordingReads(store, reads);
    await count(watched, states, { by: 8, limit: 10 });
    // Another process takes the tally back down to 3.
    await count(store, null, { by: -5, limit: 10 });

    await count(watched, states, { by: 4, limit: 10 });

    expect(reads).toEqual([0, 1]);
    expect((await store.readStream(STREAM)).map((r) => r.event.data)).toEqual([
      { by: 8 },
      { by: -5 },
      { by: 4 },
    ]);
    expect(states.get(STREAM)).toEqual({ state: { total: 7 }, revision: 2 });
  });

  it('given a folded state that refuses and a stream that has not moved, then the command is refused after one read', async () => {
    const reads: number[] = [];
    const states = new AggregateStates<TallyState>();
    const watched = recordingReads(store, reads);
    await count(watched, states, { by: 8, limit: 10 });

    const refused = await count(watched, states, { by: 4, limit: 10 }).catch((e: unknown) => e);

    expect(isDomainRuleViolation(refused)).toBe(true);
    expect(reads).toEqual([0, 1]);
    expect(await store.readStream(STREAM)).toHaveLength(1);
  });

  it('given another writer appended meanwhile, when a command comes, then its events are folded in before deciding', async () => {
    const states = new AggregateStates<TallyState>();
    await count(store, states, { by: 4, limit: 10 });
    // Another process (no shared states) takes the tally to 9.
    await count(store, null, { by: 5, limit: 10 });

    // 9 + 2 passes the limit: refused, as a whole read would refuse it.
    const refused = await count(store, states, { by: 2, limit: 10 }).catch((e: unknown) => e);
    expect(isDomainRuleViolation(refused)).toBe(true);
    await count(store, states, { by: 1, limit: 10 });
    expect(states.get(STREAM)).toEqual({ state: { total: 10 }, revision: 2 });
    expect(await store.readStream(STREAM)).toHaveLength(3);
  });

  it('given a folded state at a revision the stream does not have, when a command appends, then the conflict makes it read the stream whole and append right', async () => {
    const states = new AggregateStates<TallyState>();
    await count(store, states, { by: 1, limit: 10 });
    states.set(STREAM, { state: { total: 1 }, revision: 5 });

    await count(store, states, { by: 3, limit: 10 });

    const stored = await store.readStream(STREAM);
    expect(stored.map((r) => r.event.data)).toEqual([{ by: 1 }, { by: 3 }]);
    expect(states.get(STREAM)).toEqual({ state: { total: 4 }, revision: 1 });
  });
});

describe('AggregateStates', () => {
  it('given more streams than it keeps, then the least recently used is dropped', () => {
    const states = new AggregateStates<number>(2);
    states.set('a', { state: 1, revision: 0 });
    states.set('b', { state: 2, revision: 0 });
    states.get('a');
    states.set('a', { state: 3, revision: 1 });
    states.set('c', { state: 4, revision: 0 });
    expect(states.get('b')).toBeUndefined();
    expect(states.get('a')).toEqual({ state: 3, revision: 1 });
    expect(states.size).toBe(2);
  });
});
