import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { describeEventStoreContract, testEvent, uniqueContext } from '../testing';
import { openPglite } from './open-pglite';
import { createPgliteEventStore } from './pglite-event-store';

/** Starting PGlite takes seconds (initdb in WASM); reopening a data directory about one. */
const STARTUP_TIMEOUT_MS = 120_000;

const tempDir = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'parley-pglite-'));

let dir: string;
let shared: PGlite;

beforeAll(async () => {
  dir = await tempDir();
  shared = await openPglite(path.join(dir, 'db'));
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await shared?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// One file-backed PGlite for the suite, a schema of its own per test (a fresh PGlite per test
// would spend most of the run in initdb).
describeEventStoreContract('PGlite (file-backed)', async () => {
  const store = await createPgliteEventStore({
    pglite: shared,
    schema: `es_${randomBytes(5).toString('hex')}`,
  });
  return { store, cleanup: () => store.close() };
});

describe('PGlite event store storage', () => {
  it(
    'given events appended to a file-backed store, when it is closed and reopened, then they are still there',
    async () => {
      const own = await tempDir();
      const dataDir = path.join(own, 'db');
      try {
        const stream = `${uniqueContext()}-c1`;
        const events = [testEvent('c1', { n: 1 }), testEvent('c1', { n: 2 })];
        const first = await createPgliteEventStore({ dataDir });
        const appended = await first.append(stream, events, { expected: 'no_stream' });
        await first.close();

        const reopened = await createPgliteEventStore({ dataDir });
        try {
          const read = await reopened.readStream(stream);
          expect(read.map((e) => e.event)).toEqual(events);
          expect(read.map((e) => ({ revision: e.revision, position: e.position }))).toEqual(
            appended.positions,
          );
          const next = await reopened.append(stream, [testEvent('c1')], { expected: 1 });
          expect(next.positions[0]?.position).toBe(3n);
        } finally {
          await reopened.close();
        }
      } finally {
        await rm(own, { recursive: true, force: true });
      }
    },
    STARTUP_TIMEOUT_MS,
  );

  it(
    'given no data directory, when events are appended, then an in-memory store reads them back',
    async () => {
      const store = await createPgliteEventStore();
      try {
        const event = testEvent('c1');
        await store.append(`${uniqueContext()}-c1`, [event], { expected: 'no_stream' });

        expect((await store.readAll()).map((e) => e.event)).toEqual([event]);
      } finally {
        await store.close();
      }
    },
    STARTUP_TIMEOUT_MS,
  );

  it('given events with nested data, when they are read back, then data and metadata are plain objects and arrays of this realm', async () => {
    // PGlite runs through Node's own loader (open-pglite.ts), so under Jest its JSON.parse is
    // another realm's: objects whose prototype is not this Object.prototype, which
    // class-transformer and `instanceof` refuse. The store must hand back ordinary values.
    const store = await createPgliteEventStore({ pglite: shared, schema: 'realm_check' });
    try {
      const stream = `${uniqueContext()}-c1`;
      const event = testEvent('c1', { content: { kind: 'text', text: 'hola' }, tags: [{ n: 1 }] });
      await store.append(stream, [event], { expected: 'no_stream' });

      const [read] = await store.readStream(stream);
      const data = read!.event.data as { content: object; tags: object[] };

      expect(read!.event).toEqual(event);
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(data.content)).toBe(Object.prototype);
      expect(data.tags).toBeInstanceOf(Array);
      expect(Object.getPrototypeOf(data.tags[0])).toBe(Object.prototype);
      expect(Object.getPrototypeOf(read!.event.metadata)).toBe(Object.prototype);
      expect(Object.getPrototypeOf((await store.readAll()).at(-1)!.event.data)).toBe(
        Object.prototype,
      );
    } finally {
      await store.close();
    }
  });

  it('given a lent PGlite, when the event store closes, then the PGlite stays open for its owner', async () => {
    const store = await createPgliteEventStore({ pglite: shared, schema: 'lent_check' });
    await store.close();

    expect(shared.closed).toBe(false);
    expect((await shared.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
