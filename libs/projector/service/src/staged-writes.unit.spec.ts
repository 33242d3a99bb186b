import {
  conversationHistory,
  projectEvent,
  projectWorkspaceEvent,
  recordInOrder,
  type ProjectableEvent,
  type StreamEvent,
} from '@parley/projections';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { applyProjection } from './apply-projection';
import { StagedWrites } from './staged-writes';

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();

/** Three conversations whose events interleave, with updates to earlier documents (delivery, read). */
const interleavedHistory = (): ProjectableEvent[] => {
  const histories = ['41', '42', '43'].map((id) => conversationHistory('w1', id));
  const perConversation: StreamEvent[][] = histories.map((h, i) => [
    h.started(at(i)),
    h.contactCreated(at(i)),
    h.dealCreated(at(i)),
    h.clientMessage(`${h.conversationId}-c1`, `Hola ${i}`, at(10 + i)),
    h.managerMessage(`${h.conversationId}-m1`, `Hello ${i}`, at(20 + i)),
    h.delivered(`${h.conversationId}-m1`, at(21 + i)),
    h.clientMessage(`${h.conversationId}-c2`, `¿Precio? ${i}`, at(30 + i)),
    h.markedRead(at(40 + i)),
  ]);
  const interleaved: StreamEvent[] = [];
  for (let step = 0; step < perConversation[0]!.length; step += 1) {
    for (const events of perConversation) interleaved.push(events[step]!);
  }
  return recordInOrder(interleaved);
};

const operationsOf = (recorded: readonly ProjectableEvent[]) =>
  recorded.flatMap((r) =>
    [projectWorkspaceEvent(r), projectEvent(r)].flatMap((p) => (p ? p.operations : [])),
  );

const everything = async (store: ReadStore) => ({
  chats: await store.collection('chats').find({}, { sort: { _id: 1 } }),
  timeline: await store.collection('timeline').find({}, { sort: { _id: 1 } }),
  cards: await store.collection('cards').find({}, { sort: { _id: 1 } }),
});

describe('StagedWrites: operations applied to staged copies, each changed document written once', () => {
  const recorded = interleavedHistory();
  let oneByOne: ReadStore;

  beforeAll(async () => {
    oneByOne = createInMemoryReadStore();
    await applyProjection(oneByOne, { operations: operationsOf(recorded) });
  });
  afterAll(() => oneByOne.close());

  it.each([1, 2, 5, 1000])(
    'gives the documents applying them one by one gives, flushed every %i events',
    async (batch) => {
      const staged = createInMemoryReadStore();
      const writes = new StagedWrites(staged);
      for (let i = 0; i < recorded.length; i += batch) {
        writes.add(operationsOf(recorded.slice(i, i + batch)));
        await writes.flush();
      }
      const expected = await everything(oneByOne);
      expect(expected.timeline.length).toBeGreaterThan(6);
      expect(await everything(staged)).toEqual(expected);
      await staged.close();
    },
  );

  it('writes a document many operations changed once, and a replayed batch changes nothing', async () => {
    const target = createInMemoryReadStore();
    const chats = target.collection('chats');
    const writes = new StagedWrites(target);
    const replaced: string[] = [];
    const replaceOne = chats.replaceOne.bind(chats);
    // Count the writes the store receives for the chat documents.
    const counting = {
      ...target,
      collection: (name: string) => {
        const collection = target.collection(name);
        if (name !== 'chats') return collection;
        return Object.assign(Object.create(collection) as typeof collection, {
          replaceOne: (filter: { _id: string }, document: never, options: never) => {
            replaced.push(filter._id);
            return replaceOne(filter, document, options);
          },
        });
      },
    } as ReadStore;
    const countingWrites = new StagedWrites(counting);
    countingWrites.add(operationsOf(recorded));
    await countingWrites.flush();
    expect(replaced.sort()).toEqual([...new Set(replaced)].sort());
    expect(replaced).toHaveLength(3);

    const before = await everything(target);
    writes.add(operationsOf(recorded));
    await writes.flush();
    expect(await everything(target)).toEqual(before);
    await target.close();
  });
});
