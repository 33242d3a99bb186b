import {
  botIdFromToken,
  newId,
  streamName,
  type ManagerMessageQueued,
  type ManagerMessageRequeued,
} from '@parley/contracts';
import { createPostgresEventStore, type EventStore } from '@parley/eventstore';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testKafkaBrokers,
  waitUntil,
  type ServiceProcess,
  type TestDatabase,
} from '@parley/test-infra';
import { createJourneyFixture, type JourneyFixture } from '../journey/journey-fixture';

// Issue 7's fault test: the Telegram channel killed with SIGKILL between the Bot API call and
// recording its result. The relay and the channel run as their own processes on PostgreSQL and
// Kafka; the Bot API stand-in takes the sendMessage and holds its answer, so the kill lands
// with the request out and no outcome stored. After a restart the bus delivers the request
// again: the channel must not send it a second time, and must say so to the manager. When the
// manager then chooses "Send again" (C4 retry), the channel sends it once more, on purpose.

const CHAT = 4_242_001;

describe('the Telegram channel killed between the Bot API call and its outcome', () => {
  let f: JourneyFixture;
  let db: TestDatabase;
  let store: EventStore;
  let relay: ServiceProcess | undefined;
  let channel: ServiceProcess | undefined;
  let channelEnv: Record<string, string>;

  const startChannel = async (): Promise<ServiceProcess> => {
    const started = startServiceProcess('apps/channel-telegram/src/main.ts', channelEnv);
    await started.waitForOutput(/channel-telegram listening on/, 120_000);
    return started;
  };

  beforeAll(async () => {
    f = await createJourneyFixture();
    db = await createTestDatabase('channel_kill');
    store = await createPostgresEventStore({ connectionString: db.url });
    const engines = { EVENT_STORE_URL: db.url, KAFKA_BROKERS: testKafkaBrokers().join(',') };
    relay = startServiceProcess('apps/relay/src/main.ts', engines);
    await relay.waitForOutput(/relaying from position/, 60_000);
    channelEnv = { ...f.env, ...engines, PORT: String(await freePort()) };
    channel = await startChannel();
  });

  afterAll(async () => {
    for (const p of [channel, relay]) {
      if (p && p.child.exitCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    }
    await f?.standIn.close();
    await store?.close();
    await db?.drop();
  });

  it('records the send as unconfirmed after the restart, and Telegram got it once until a manager sent it again', async () => {
    // Given a manager's reply queued for a client whose sendMessage Telegram takes but never answers
    f.standIn.stallChat(CHAT);
    const conversationId = f.conversationId(CHAT);
    const eventId = newId();
    const queued: ManagerMessageQueued = {
      type: 'Conversation.ManagerMessageQueued',
      data: {
        conversationId,
        messageId: newId(),
        managerId: 'manager-1',
        recipient: { channel: 'telegram', botId: botIdFromToken(f.botToken), chatId: String(CHAT) },
        content: { kind: 'text', text: 'your order ships today' },
        queuedAt: new Date().toISOString(),
      },
      metadata: {
        eventId,
        workspaceId: f.workspaceId,
        aggregateId: conversationId,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
        correlationId: eventId,
        causationId: null,
        actor: { kind: 'manager', id: 'manager-1' },
      },
    };
    await store.append(streamName('conversation', conversationId), [queued], { expected: 'any' });
    const callsToChat = () =>
      f.standIn.callsOf('sendMessage').filter((c) => String(c.params['chat_id']) === String(CHAT));

    // When the channel is killed while the call is out
    await waitUntil(
      'the sendMessage call',
      () => (callsToChat().length > 0 ? true : undefined),
      60_000,
    );
    channel!.child.kill('SIGKILL');
    await channel!.exited;
    const channelStream = streamName('channel', conversationId);
    const before = (await store.readStream(channelStream)).map((r) => r.event.type);
    expect(before).toEqual(['Channel.MessageSendAttempted']);

    // and started again
    channel = await startChannel();

    // Then the redelivered request is recorded as unconfirmed, not sent again
    const outcome = await waitUntil(
      'the outcome after the restart',
      async () =>
        (await store.readStream(channelStream))
          .map((r) => r.event)
          .find((e) => e.type.startsWith('Channel.MessageDeliver')),
      90_000,
      200,
    );
    expect(outcome).toMatchObject({
      type: 'Channel.MessageDeliveryFailed',
      data: { messageId: queued.data.messageId, code: 'unconfirmed', retryable: true },
    });
    expect(callsToChat()).toHaveLength(1);

    // When the manager sends it again (the conversation requeues it after one failure)
    f.standIn.releaseChat(CHAT);
    const retryId = newId();
    const requeued: ManagerMessageRequeued = {
      type: 'Conversation.ManagerMessageRequeued',
      data: {
        conversationId,
        messageId: queued.data.messageId,
        managerId: 'manager-2',
        recipient: queued.data.recipient,
        content: queued.data.content,
        retry: 1,
        requeuedAt: new Date().toISOString(),
      },
      metadata: {
        ...queued.metadata,
        eventId: retryId,
        correlationId: retryId,
        occurredAt: new Date().toISOString(),
        actor: { kind: 'manager', id: 'manager-2' },
      },
    };
    await store.append(streamName('conversation', conversationId), [requeued], {
      expected: 'any',
    });

    // Then Telegram gets it a second time, deliberately, and the channel records the delivery
    const delivered = await waitUntil(
      'the delivery of the retry',
      async () =>
        (await store.readStream(channelStream))
          .map((r) => r.event)
          .find((e) => e.type === 'Channel.MessageDelivered'),
      60_000,
      200,
    );
    expect(delivered).toMatchObject({ data: { messageId: queued.data.messageId } });
    expect(callsToChat()).toHaveLength(2);
  });
});
