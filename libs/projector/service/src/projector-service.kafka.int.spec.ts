import { randomBytes } from 'node:crypto';
import type { Bus, BusSubscription } from '@parley/bus';
import { describeOnKafka, MessageRecorder, uniqueName } from '@parley/bus/testing';
import { READ_MODEL_CHANGES_TOPIC, type ReadModelChange } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { realEngines, startServiceHarness, type ServiceHarness } from '@parley/platform/testing';
import { conversationHistory } from '@parley/projections';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { messageForRecordedEvent } from '@parley/relay';
import { waitUntil } from '@parley/test-infra';
import { ProjectorServiceModule } from './projector-service.module';

// A workspace of its own: the topics on the shared broker keep other runs' events.
const h = conversationHistory(`w${randomBytes(5).toString('hex')}`, '4242');
const T0 = '2026-11-25T11:00:00.000Z';
const T1 = '2026-11-25T11:01:00.000Z';
const T2 = '2026-11-25T11:02:00.000Z';

describeOnKafka('projector service (PostgreSQL event store → relay → Kafka)', () => {
  let harness: ServiceHarness;
  let store: EventStore;
  let bus: Bus;
  let readStore: ReadStore;
  let changesSubscription: BusSubscription;
  const changes = new MessageRecorder();
  const mine = () =>
    changes.received
      .map((m) => m.value as ReadModelChange)
      .filter((c) => c.conversationId === h.conversationId);

  beforeAll(async () => {
    const engines = await realEngines('parley_projector');
    changesSubscription = await engines.bus.subscribe({
      groupId: uniqueName('projector-spec-changes'),
      topics: [READ_MODEL_CHANGES_TOPIC],
      fromBeginning: false,
      handler: changes.handler,
    });
    readStore = createInMemoryReadStore();
    harness = await startServiceHarness({
      engines,
      serviceName: uniqueName('projector-spec'),
      workspaceId: h.workspaceId,
      readStore,
      modules: [ProjectorServiceModule.register()],
    });
    ({ store, bus } = harness);
  });

  afterAll(async () => {
    await changesSubscription?.close();
    await harness?.close();
  });

  it('given events of two topics, then the documents are projected once, however often delivered', async () => {
    for (const e of [
      h.started(T0),
      h.clientMessage('m1', 'Hi there', T1),
      h.contactCreated(T1),
      h.dealCreated(T2),
    ]) {
      await store.append(e.streamName, [e.event], { expected: 'any' });
    }

    const chat = await waitUntil(
      'the chat with its deal',
      async () => {
        const doc = await readStore.collection('chats').findOne({ _id: h.conversationId });
        return doc?.['deal'] && doc['unreadCount'] === 1 ? doc : undefined;
      },
      40_000,
    );
    expect(chat).toMatchObject({
      workspaceId: h.workspaceId,
      contact: { contactId: h.contactId, name: 'Ann Karenina' },
      lastMessage: { direction: 'in', preview: 'Hi there', at: T1 },
      lastActivityAt: T2,
      status: 'new_message',
      deal: { stage: 'new', line: 1 },
    });
    await waitUntil('four change notifications on Kafka', () =>
      mine().length >= 4 ? true : undefined,
    );
    expect(mine()).toHaveLength(4);
    expect(
      changes.received
        .filter((m) => (m.value as ReadModelChange).conversationId === h.conversationId)
        .every((m) => m.key === h.conversationId),
    ).toBe(true);

    // Every event again (as after a consumer restart): nothing changes.
    const before = await readStore
      .collection('timeline')
      .find({ conversationId: h.conversationId });
    await bus.publish((await store.readAll()).map(messageForRecordedEvent));
    const read = h.markedRead(T2);
    await store.append(read.streamName, [read.event], { expected: 'any' });
    await waitUntil(
      'the chat to be read',
      async () =>
        (await readStore.collection('chats').findOne({ _id: h.conversationId, status: 'read' })) ??
        undefined,
      40_000,
    );
    const after = await readStore.collection('timeline').find({ conversationId: h.conversationId });
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((t) => before.some((b) => b._id === t._id))).toEqual(before);
    expect(await readStore.collection('chats').findOne({ _id: h.conversationId })).toMatchObject({
      unreadCount: 0,
    });
    // Only the new event was announced: the redelivered ones changed nothing.
    await waitUntil('the read notification', () => (mine().length >= 5 ? true : undefined));
    expect(mine()).toHaveLength(5);
    expect(mine()[4]).toMatchObject({ collections: ['chats', 'timeline'] });
  });
});
