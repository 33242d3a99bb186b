import { randomBytes } from 'node:crypto';
import type { Bus } from '@parley/bus';
import {
  deterministicId,
  streamName,
  telegramContactId,
  telegramConversationId,
  telegramDealId,
  type ChannelClient,
  type ChannelMessageReceived,
  type ClientStarted,
  type EventEnvelope,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  embeddedEngines,
  startServiceHarness,
  type ServiceHarness,
} from '@parley/platform/testing';
import { messageForRecordedEvent } from '@parley/relay';
import { waitUntil } from '@parley/test-infra';
import { CrmServiceModule, crmStream } from './index';

const hex = () => randomBytes(4).toString('hex');
/** Telegram update ids are unique per bot: unique per run here too. */
let lastUpdateId = Number.parseInt(hex(), 16);
const nextUpdateId = () => ++lastUpdateId;
const telegramUserId = () => String(Number.parseInt(hex(), 16));

describe('crm service on PGlite + in-process bus', () => {
  const workspaceId = `ws${hex()}`;
  const botId = '111';
  let harness: ServiceHarness;
  let store: EventStore;
  let bus: Bus;

  beforeAll(async () => {
    harness = await startServiceHarness({
      engines: embeddedEngines(),
      serviceName: `crm-test-${hex()}`,
      workspaceId,
      modules: [CrmServiceModule.register()],
    });
    ({ store, bus } = harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  const client = (externalId: string): ChannelClient => ({
    externalId,
    username: `user${externalId}`,
    firstName: 'Anna',
    lastName: 'K',
    languageCode: 'ru',
  });

  const metadata = (conversationId: string, updateId: number, actorId: string) => {
    const eventId = deterministicId('tg', botId, updateId);
    return {
      eventId,
      workspaceId,
      aggregateId: conversationId,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      correlationId: eventId,
      causationId: null,
      actor: { kind: 'client' as const, id: actorId },
    };
  };

  /** `/start <payload>` as channel-telegram stores it. */
  const started = (chatId: string, who: string, updateId: number, payload: string | null) => {
    const conversationId = telegramConversationId(workspaceId, botId, chatId);
    const event: ClientStarted = {
      type: 'Channel.ClientStarted',
      data: {
        channel: 'telegram',
        botId,
        chatId,
        conversationId,
        client: client(who),
        payload,
        updateId,
        sentAt: '2026-01-01T10:00:00.000Z',
      },
      metadata: metadata(conversationId, updateId, who),
    };
    return event;
  };

  const wrote = (chatId: string, who: string, updateId: number) => {
    const conversationId = telegramConversationId(workspaceId, botId, chatId);
    const event: ChannelMessageReceived = {
      type: 'Channel.MessageReceived',
      data: {
        channel: 'telegram',
        botId,
        chatId,
        conversationId,
        client: client(who),
        updateId,
        externalMessageId: String(updateId),
        content: { kind: 'text', text: 'Hello' },
        sentAt: '2026-01-01T10:00:01.000Z',
      },
      metadata: metadata(conversationId, updateId, who),
    };
    return event;
  };

  const append = async (event: EventEnvelope) => {
    const stream = streamName('channel', event.metadata.aggregateId);
    await store.append(stream, [event], { expected: 'any' });
    return (await store.readStream(stream)).find(
      (r) => r.event.metadata.eventId === event.metadata.eventId,
    )!;
  };

  const contactEvents = async (who: string) =>
    (await store.readStream(crmStream(telegramContactId(workspaceId, who)))).map((r) => r.event);
  const dealEvents = async (who: string) =>
    (await store.readStream(crmStream(telegramDealId(workspaceId, who)))).map((r) => r.event);

  /** Contact and deal of `who` exist (the deal is created after the contact). */
  const createdFor = (who: string) =>
    waitUntil(`contact and deal of ${who}`, async () =>
      (await dealEvents(who)).length > 0 ? true : undefined,
    );

  it('given /start with a deep link, then the contact is created with attribution, and its deal', async () => {
    // Given
    const who = telegramUserId();
    const payload = Buffer.from(
      JSON.stringify({ s: 'facebook', c: 'summer24', a: 'ad12', as: 'set3' }),
    ).toString('base64url');
    const source = started(who, who, nextUpdateId(), payload);

    // When
    await append(source);

    // Then
    await createdFor(who);
    const contactId = telegramContactId(workspaceId, who);
    const dealId = telegramDealId(workspaceId, who);
    const [contact] = await contactEvents(who);
    const [deal] = await dealEvents(who);
    expect(contact).toEqual({
      type: 'Crm.ContactCreated',
      data: {
        contactId,
        conversationId: source.data.conversationId,
        channel: 'telegram',
        platform: 'telegram',
        telegramId: who,
        username: `user${who}`,
        firstName: 'Anna',
        lastName: 'K',
        languageCode: 'ru',
        attribution: {
          source: 'facebook',
          platform: null,
          campaign: 'summer24',
          ad: 'ad12',
          adSet: 'set3',
          linkKey: null,
          raw: payload,
        },
        started: true,
        createdAt: source.metadata.occurredAt,
      },
      metadata: {
        eventId: deterministicId(
          'command-event',
          deterministicId('reaction', 'crm', 'CreateContact', source.metadata.eventId),
          0,
        ),
        workspaceId,
        aggregateId: contactId,
        occurredAt: source.metadata.occurredAt,
        schemaVersion: 1,
        correlationId: source.metadata.correlationId,
        causationId: source.metadata.eventId,
        actor: { kind: 'system', id: 'crm' },
      },
    });
    expect(deal).toMatchObject({
      type: 'Crm.DealCreated',
      data: {
        dealId,
        contactId,
        conversationId: source.data.conversationId,
        stage: 'new',
        line: 1,
        channel: 'telegram',
        createdAt: source.metadata.occurredAt,
      },
      metadata: {
        aggregateId: dealId,
        causationId: source.metadata.eventId,
        correlationId: source.metadata.correlationId,
        actor: { kind: 'system', id: 'crm' },
      },
    });
  });

  it('given a contact, when /start is delivered again and the client writes, then nothing more is created', async () => {
    // Given a client who pressed /start
    const who = telegramUserId();
    const first = await append(started(who, who, nextUpdateId(), 's=google__c=winter'));
    await createdFor(who);

    // When the same event is delivered again, and the client then writes
    await bus.publish([messageForRecordedEvent(first)]);
    await append(wrote(who, who, nextUpdateId()));
    // ... followed, on the same chat (same bus key), by someone else who writes (a group chat):
    // once their contact exists, everything before it on that key has been handled.
    const marker = telegramUserId();
    await append(wrote(who, marker, nextUpdateId()));
    await createdFor(marker);

    // Then the first client still has one contact event and one deal event
    expect(await contactEvents(who)).toHaveLength(1);
    expect(await dealEvents(who)).toHaveLength(1);
    expect((await contactEvents(who))[0]!.data).toMatchObject({
      attribution: { source: 'google', campaign: 'winter', ad: null, adSet: null },
    });
  });

  it('given a client who writes without /start, then the contact is created without attribution, and its deal', async () => {
    const who = telegramUserId();
    const source = wrote(who, who, nextUpdateId());
    await append(source);
    await createdFor(who);
    const [contact] = await contactEvents(who);
    expect(contact!.data).toMatchObject({
      telegramId: who,
      conversationId: source.data.conversationId,
      attribution: { source: null, campaign: null, ad: null, adSet: null, raw: null },
    });
    expect(await dealEvents(who)).toHaveLength(1);
  });

  it('given a MessageReceived whose payload breaks its contract, then no contact is made of it and later clients still get theirs', async () => {
    // Given a message whose client's name is not text (the old code stored it as it came), then
    // a good one from someone else
    const nobody = telegramUserId();
    const broken = wrote(nobody, nobody, nextUpdateId());
    const poison = {
      ...broken,
      data: { ...broken.data, client: { ...broken.data.client, firstName: { $gt: '' } } },
    } as unknown as EventEnvelope;
    const who = telegramUserId();

    // When
    await append(poison);
    await append(wrote(who, who, nextUpdateId()));

    // Then the good one is handled, and the broken one made nothing
    await createdFor(who);
    expect(await contactEvents(nobody)).toEqual([]);
  });
});
