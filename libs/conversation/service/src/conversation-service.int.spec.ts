import { randomBytes } from 'node:crypto';
import { describeOnKafka } from '@parley/bus/testing';
import type { CommandSender } from '@parley/command-handling';
import {
  deterministicId,
  newId,
  streamName,
  telegramConversationId,
  type BotBlocked,
  type MediaFetched,
  type ChannelClient,
  type ChannelMessageReceived,
  type CommandEnvelope,
  type EventEnvelope,
  type MessageEdited,
  type ChannelMessageDelivered,
  type ChannelMessageDeliveryFailed,
} from '@parley/contracts';
import { conversationDecider, type ConversationDecidedEvent } from '@parley/conversation-domain';
import { foldEvents } from '@parley/decider';
import {
  embeddedEngines,
  realEngines,
  startServiceHarness,
  type ServiceHarness,
  type TestEngines,
} from '@parley/platform/testing';
import { messageForRecordedEvent } from '@parley/relay';
import { waitUntil } from '@parley/test-infra';
import { ConversationServiceModule, conversationStream } from './index';

const hex = () => randomBytes(4).toString('hex');
/** Telegram update ids are unique per bot: unique per run here too (the topic keeps old runs). */
let lastUpdateId = Number.parseInt(hex(), 16);
const nextUpdateId = () => ++lastUpdateId;

/**
 * The conversation service run for real: its module booted by startNestService on a store and a
 * bus, a relay from the store to the bus, channel events appended as channel-telegram appends
 * them, commands sent as the gateway sends them.
 */
const describeConversationService = (name: string, engines: () => Promise<TestEngines>): void => {
  describe(`conversation service on ${name}`, () => {
    const workspaceId = `ws${hex()}`;
    const service = `conversation-${hex()}`;
    const botId = '111';
    let e: ServiceHarness<{ timeoutMs: number }>;
    let sender: CommandSender;

    beforeAll(async () => {
      e = await startServiceHarness({
        engines: engines(),
        serviceName: `conversation-test-${hex()}`,
        workspaceId,
        modules: [ConversationServiceModule.register({ service })],
        commandSender: { timeoutMs: 30_000 },
      });
      sender = e.sender;
    }, 120_000);

    afterAll(async () => {
      await e?.close();
    });

    const client = (chatId: string): ChannelClient => ({
      externalId: chatId,
      username: 'anna',
      firstName: 'Anna',
      lastName: null,
      languageCode: 'ru',
    });

    /** Channel.* events as channel-telegram stores them: stream `channel-{conversationId}`. */
    const appendChannelEvent = async (event: EventEnvelope) => {
      const stream = streamName('channel', event.metadata.aggregateId);
      await e.store.append(stream, [event], { expected: 'any' });
      const recorded = await e.store.readStream(stream);
      return recorded.find((r) => r.event.metadata.eventId === event.metadata.eventId)!;
    };

    const metadata = (conversationId: string, eventId: string, actorId: string) => ({
      eventId,
      workspaceId,
      aggregateId: conversationId,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      correlationId: eventId,
      causationId: null,
      actor: { kind: 'client' as const, id: actorId },
    });

    const clientWrote = (
      chatId: string,
      updateId: number,
      text: string,
    ): ChannelMessageReceived => {
      const conversationId = telegramConversationId(workspaceId, botId, chatId);
      return {
        type: 'Channel.MessageReceived',
        data: {
          channel: 'telegram',
          botId,
          chatId,
          conversationId,
          client: client(chatId),
          updateId,
          externalMessageId: String(updateId + 1000),
          content: { kind: 'text', text },
          sentAt: '2026-01-01T10:00:00.000Z',
        },
        metadata: metadata(conversationId, deterministicId('tg', botId, updateId), chatId),
      };
    };

    const command = (type: string, data: unknown, conversationId: string): CommandEnvelope => ({
      commandId: newId(),
      service,
      type,
      data,
      metadata: {
        workspaceId,
        aggregateId: conversationId,
        issuedAt: new Date().toISOString(),
        correlationId: newId(),
        causationId: null,
        actor: { kind: 'manager', id: 'manager-1' },
      },
    });

    const conversationEvents = async (conversationId: string) =>
      (await e.store.readStream(conversationStream(conversationId))).map((r) => r.event);

    const eventsOnceThere = (conversationId: string, count: number) =>
      waitUntil(`${count} events in ${conversationStream(conversationId)}`, async () => {
        const events = await conversationEvents(conversationId);
        return events.length >= count ? events : undefined;
      });

    /** A client has written: the conversation exists. */
    const openConversation = async (chatId: string) => {
      const source = clientWrote(chatId, nextUpdateId(), 'Hello');
      await appendChannelEvent(source);
      await eventsOnceThere(source.data.conversationId, 2);
      return source.data.conversationId;
    };

    it('given a client message on the channel, then the conversation starts and records it, caused by it', async () => {
      // Given
      const source = clientWrote(String(Number.parseInt(hex(), 16)), nextUpdateId(), 'Hello');
      const { conversationId } = source.data;

      // When
      await appendChannelEvent(source);

      // Then
      const events = await eventsOnceThere(conversationId, 2);
      expect(events.map((x) => x.type)).toEqual([
        'Conversation.Started',
        'Conversation.ClientMessageReceived',
      ]);
      expect(events[0]!.data).toEqual({
        conversationId,
        source: { channel: 'telegram', botId, chatId: source.data.chatId },
        client: source.data.client,
        startedAt: source.data.sentAt,
      });
      expect(events[1]!.data).toEqual({
        conversationId,
        messageId: deterministicId('client-message', source.metadata.eventId),
        externalMessageId: source.data.externalMessageId,
        content: { kind: 'text', text: 'Hello' },
        sentAt: source.data.sentAt,
        // v2 (C7): Telegram's message_id orders it; the first message stands at its arrival.
        clientOrder: Number(source.data.externalMessageId),
        placedAt: source.metadata.occurredAt,
      });
      const commandId = deterministicId(
        'reaction',
        service,
        'RecordClientMessage',
        source.metadata.eventId,
      );
      expect(events.map((x) => x.metadata)).toEqual(
        [0, 1].map((index) => ({
          eventId: deterministicId('command-event', commandId, index),
          workspaceId,
          aggregateId: conversationId,
          occurredAt: source.metadata.occurredAt,
          // Conversation.Started v1, Conversation.ClientMessageReceived v3 (C7, issue 9).
          schemaVersion: index === 0 ? 1 : 3,
          correlationId: source.metadata.correlationId,
          causationId: source.metadata.eventId,
          actor: source.metadata.actor,
        })),
      );
    });

    it('given a photo the client sent (MessageReceived v2, unsupported content), then it is recorded as an unsupported message with its caption', async () => {
      // Given a v2 event as channel-telegram writes it for a photo
      const text = clientWrote(String(Number.parseInt(hex(), 16)), nextUpdateId(), 'unused');
      const photo: ChannelMessageReceived = {
        ...text,
        data: {
          ...text.data,
          content: { kind: 'unsupported', unsupportedKind: 'photo', caption: 'my receipt' },
        },
        metadata: { ...text.metadata, schemaVersion: 2 },
      };

      // When
      await appendChannelEvent(photo);

      // Then
      const events = await eventsOnceThere(photo.data.conversationId, 2);
      expect(events[1]).toMatchObject({
        type: 'Conversation.ClientMessageReceived',
        data: { content: { kind: 'unsupported', unsupportedKind: 'photo', caption: 'my receipt' } },
      });
    });

    it('given a MessageReceived whose payload breaks its contract, then nothing is recorded and later messages still are', async () => {
      // Given a broken event (no content kind Parley knows), then a good one on the same key
      const chatId = String(Number.parseInt(hex(), 16));
      const good = clientWrote(chatId, nextUpdateId(), 'After the broken one');
      const broken = clientWrote(chatId, nextUpdateId(), 'x');
      const poison = {
        ...broken,
        data: { ...broken.data, content: { kind: 'hologram', text: 'x' } },
        metadata: { ...broken.metadata, schemaVersion: 2 },
      } as unknown as EventEnvelope;

      // When
      await appendChannelEvent(poison);
      await appendChannelEvent(good);

      // Then only the good one is recorded
      const events = await eventsOnceThere(good.data.conversationId, 2);
      expect(events.map((x) => x.type)).toEqual([
        'Conversation.Started',
        'Conversation.ClientMessageReceived',
      ]);
      expect(events[1]!.data).toMatchObject({
        content: { kind: 'text', text: 'After the broken one' },
      });
    });

    it('given an edit delivered twice, then the message is edited once, with its earlier version', async () => {
      // Given a recorded client message
      const chatId = String(Number.parseInt(hex(), 16));
      const original = clientWrote(chatId, nextUpdateId(), 'Helo');
      await appendChannelEvent(original);
      await eventsOnceThere(original.data.conversationId, 2);
      const updateId = nextUpdateId();
      const edit: MessageEdited = {
        type: 'Channel.MessageEdited',
        data: {
          ...original.data,
          updateId,
          content: { kind: 'text', text: 'Hello' },
          editedAt: '2026-01-01T10:01:00.000Z',
        },
        metadata: metadata(
          original.data.conversationId,
          deterministicId('tg', botId, updateId),
          chatId,
        ),
      };

      // When the edit arrives, and the bus delivers it again
      const recorded = await appendChannelEvent(edit);
      await eventsOnceThere(original.data.conversationId, 3);
      await e.bus.publish([messageForRecordedEvent(recorded)]);
      await appendChannelEvent(clientWrote(chatId, nextUpdateId(), 'After'));
      await eventsOnceThere(original.data.conversationId, 4);

      // Then the message is edited once
      const events = await conversationEvents(original.data.conversationId);
      expect(events.map((x) => x.type)).toEqual([
        'Conversation.Started',
        'Conversation.ClientMessageReceived',
        'Conversation.ClientMessageEdited',
        'Conversation.ClientMessageReceived',
      ]);
      expect(events[2]!.data).toMatchObject({
        messageId: (events[1]!.data as { messageId: string }).messageId,
        content: { kind: 'text', text: 'Hello' },
        previousVersion: { content: { kind: 'text', text: 'Helo' } },
      });
    });

    it('given the client blocked the bot, then it is recorded once and later messages still are', async () => {
      const chatId = String(Number.parseInt(hex(), 16));
      const updateId = nextUpdateId();
      const first = clientWrote(chatId, updateId, 'unused');
      const { externalMessageId: _id, content: _content, sentAt: _sentAt, ...source } = first.data;
      const blocked: BotBlocked = {
        type: 'Channel.BotBlocked',
        data: { ...source, blockedAt: '2026-01-01T11:00:00.000Z' },
        metadata: first.metadata,
      };
      const recorded = await appendChannelEvent(blocked);
      await eventsOnceThere(first.data.conversationId, 2);
      await e.bus.publish([messageForRecordedEvent(recorded)]);
      await appendChannelEvent(clientWrote(chatId, nextUpdateId(), 'Still here'));
      await eventsOnceThere(first.data.conversationId, 3);
      const events = await conversationEvents(first.data.conversationId);
      expect(events.map((x) => x.type)).toEqual([
        'Conversation.Started',
        'Conversation.ClientBlockedBot',
        'Conversation.ClientMessageReceived',
      ]);
    });

    it('given the channel fetched a client message’s file, delivered twice, then the media id is recorded on the message once', async () => {
      const chatId = String(Number.parseInt(hex(), 16));
      const message = clientWrote(chatId, nextUpdateId(), 'a photo, say');
      await appendChannelEvent(message);
      await eventsOnceThere(message.data.conversationId, 2);
      const mediaId = deterministicId('media-spec', chatId);
      const fetched: MediaFetched = {
        type: 'Channel.MediaFetched',
        data: {
          conversationId: message.data.conversationId,
          messageId: deterministicId('client-message', message.metadata.eventId),
          externalMessageId: message.data.externalMessageId,
          mediaId,
          kind: 'photo',
          contentType: 'image/png',
          size: 68,
          fetchedAt: '2026-01-01T10:00:03.000Z',
        },
        metadata: {
          ...metadata(message.data.conversationId, newId(), 'channel-telegram'),
          actor: { kind: 'system', id: 'channel-telegram' },
        },
      };
      const recorded = await appendChannelEvent(fetched);
      await eventsOnceThere(message.data.conversationId, 3);
      await e.bus.publish([messageForRecordedEvent(recorded)]);
      await appendChannelEvent(clientWrote(chatId, nextUpdateId(), 'later'));
      await eventsOnceThere(message.data.conversationId, 4);

      const events = await conversationEvents(message.data.conversationId);
      expect(events.map((x) => x.type)).toEqual([
        'Conversation.Started',
        'Conversation.ClientMessageReceived',
        'Conversation.ClientMediaFetched',
        'Conversation.ClientMessageReceived',
      ]);
      expect(events[2]!.data).toEqual({
        conversationId: message.data.conversationId,
        messageId: fetched.data.messageId,
        mediaId,
        contentType: 'image/png',
        size: 68,
        fetchedAt: '2026-01-01T10:00:03.000Z',
      });
      expect(events[2]!.metadata.causationId).toBe(fetched.metadata.eventId);
    });

    it('given a client message delivered twice, then it is recorded once', async () => {
      // Given a client message, handled
      const chatId = String(Number.parseInt(hex(), 16));
      const first = clientWrote(chatId, nextUpdateId(), 'Once');
      const recorded = await appendChannelEvent(first);
      await eventsOnceThere(first.data.conversationId, 2);

      // When the bus delivers it again, and the store is asked to keep it again
      await e.bus.publish([messageForRecordedEvent(recorded)]);
      await appendChannelEvent(first);
      // ... and a later message follows it on the same key (handled after the repeat)
      await appendChannelEvent(clientWrote(chatId, nextUpdateId(), 'Twice?'));

      // Then the conversation holds each message once
      await eventsOnceThere(first.data.conversationId, 3);
      const events = await conversationEvents(first.data.conversationId);
      expect(events.map((x) => x.type)).toEqual([
        'Conversation.Started',
        'Conversation.ClientMessageReceived',
        'Conversation.ClientMessageReceived',
      ]);
      expect(events.map((x) => (x.data as { content?: { text: string } }).content?.text)).toEqual([
        undefined,
        'Once',
        'Twice?',
      ]);
    });

    it('given an open conversation, when a manager sends a message, then it is accepted and queued to the client', async () => {
      // Given
      const chatId = String(Number.parseInt(hex(), 16));
      const conversationId = await openConversation(chatId);
      const messageId = newId();

      // When
      const cmd = command(
        'SendMessage',
        { conversationId, messageId, content: { kind: 'text', text: 'Hi Anna!' } },
        conversationId,
      );
      const outcome = await sender.send(cmd);

      // Then
      expect(outcome).toMatchObject({ commandId: cmd.commandId, status: 'accepted' });
      const events = await conversationEvents(conversationId);
      const queued = events.at(-1)!;
      expect(queued.type).toBe('Conversation.ManagerMessageQueued');
      expect(queued.data).toEqual({
        conversationId,
        messageId,
        managerId: 'manager-1',
        recipient: { channel: 'telegram', botId, chatId },
        content: { kind: 'text', text: 'Hi Anna!' },
        queuedAt: cmd.metadata.issuedAt,
      });
      expect(queued.metadata).toMatchObject({
        causationId: cmd.commandId,
        correlationId: cmd.metadata.correlationId,
        actor: { kind: 'manager', id: 'manager-1' },
      });

      // And the same command sent again (a retried request) queues nothing more
      const again = await sender.send({ ...cmd, commandId: newId() });
      expect(again).toMatchObject({ status: 'accepted', positions: [] });
      expect(await conversationEvents(conversationId)).toHaveLength(events.length);
    });

    it('given a queued message, when the channel reports delivery or failure, then the conversation records it', async () => {
      // Given two queued messages
      const chatId = String(Number.parseInt(hex(), 16));
      const conversationId = await openConversation(chatId);
      const [ok, ko] = [newId(), newId()];
      for (const messageId of [ok, ko]) {
        const outcome = await sender.send(
          command(
            'SendMessage',
            { conversationId, messageId, content: { kind: 'text', text: 'Hi' } },
            conversationId,
          ),
        );
        expect(outcome.status).toBe('accepted');
      }

      // When the channel delivers one and fails the other
      const delivered: ChannelMessageDelivered = {
        type: 'Channel.MessageDelivered',
        data: {
          conversationId,
          messageId: ok,
          externalMessageId: '77',
          deliveredAt: '2026-01-01T10:01:00.000Z',
        },
        metadata: {
          ...metadata(conversationId, newId(), 'channel-telegram'),
          actor: { kind: 'system', id: 'channel-telegram' },
        },
      };
      const failed: ChannelMessageDeliveryFailed = {
        type: 'Channel.MessageDeliveryFailed',
        data: {
          conversationId,
          messageId: ko,
          code: 'blocked',
          reason: 'The client blocked the bot',
          retryable: false,
          failedAt: '2026-01-01T10:01:01.000Z',
        },
        metadata: {
          ...metadata(conversationId, newId(), 'channel-telegram'),
          actor: { kind: 'system', id: 'channel-telegram' },
        },
      };
      await appendChannelEvent(delivered);
      await appendChannelEvent(failed);

      // Then
      const events = await eventsOnceThere(conversationId, 6);
      expect(events.slice(4).map((x) => [x.type, x.data, x.metadata.causationId])).toEqual([
        [
          'Conversation.MessageDelivered',
          {
            conversationId,
            messageId: ok,
            externalMessageId: '77',
            deliveredAt: '2026-01-01T10:01:00.000Z',
          },
          delivered.metadata.eventId,
        ],
        [
          'Conversation.MessageDeliveryFailed',
          {
            conversationId,
            messageId: ko,
            code: 'blocked',
            reason: 'The client blocked the bot',
            failedAt: '2026-01-01T10:01:01.000Z',
          },
          failed.metadata.eventId,
        ],
      ]);
    });

    it('given no conversation, when a manager sends a message, then it is rejected as not found with a readable reason', async () => {
      const conversationId = telegramConversationId(workspaceId, botId, '424242');
      const outcome = await sender.send(
        command(
          'SendMessage',
          { conversationId, messageId: newId(), content: { kind: 'text', text: 'Anyone?' } },
          conversationId,
        ),
      );
      expect(outcome).toMatchObject({
        status: 'rejected',
        code: 'conversation.not_found',
        reason: `There is no conversation ${conversationId}: the client has not written yet.`,
      });
      expect(await conversationEvents(conversationId)).toEqual([]);
    });

    it('given a conversation of another workspace, when a manager sends to it, then it is rejected as not found', async () => {
      const conversationId = await openConversation(String(Number.parseInt(hex(), 16)));
      const cmd = command(
        'SendMessage',
        { conversationId, messageId: newId(), content: { kind: 'text', text: 'Hi' } },
        conversationId,
      );
      const outcome = await sender.send({
        ...cmd,
        metadata: { ...cmd.metadata, workspaceId: 'other' },
      });
      expect(outcome).toMatchObject({ status: 'rejected', code: 'conversation.not_found' });
    });

    it('given bad SendMessage data, then it is rejected naming the fields', async () => {
      const conversationId = await openConversation(String(Number.parseInt(hex(), 16)));
      const outcome = await sender.send(
        command(
          'SendMessage',
          { conversationId, messageId: 'not-a-uuid', content: { kind: 'text', text: '' } },
          conversationId,
        ),
      );
      expect(outcome).toMatchObject({ status: 'rejected', code: 'validation.failed' });
      expect(outcome.status === 'rejected' && outcome.reason).toMatch(/messageId.*content\.text/);
    });

    it('given unread client messages, when a manager marks the conversation read, then it is marked read and unread is 0', async () => {
      // Given two unread messages
      const chatId = String(Number.parseInt(hex(), 16));
      const conversationId = await openConversation(chatId);
      await appendChannelEvent(clientWrote(chatId, nextUpdateId(), 'Are you there?'));
      const before = await eventsOnceThere(conversationId, 3);
      const unread = (events: readonly EventEnvelope[]) => {
        const state = foldEvents(
          conversationDecider,
          events as unknown as ConversationDecidedEvent[],
        );
        return state.status === 'open' ? state.unread : undefined;
      };
      expect(unread(before)).toBe(2);

      // When
      const cmd = command('MarkRead', { conversationId }, conversationId);
      const outcome = await sender.send(cmd);

      // Then
      expect(outcome).toMatchObject({ status: 'accepted' });
      const after = await conversationEvents(conversationId);
      expect(after.at(-1)).toMatchObject({
        type: 'Conversation.MarkedRead',
        data: { conversationId, managerId: 'manager-1', readAt: cmd.metadata.issuedAt },
      });
      expect(unread(after)).toBe(0);

      // And marking read again, with nothing unread, is accepted and records nothing
      const again = await sender.send(command('MarkRead', { conversationId }, conversationId));
      expect(again).toMatchObject({ status: 'accepted', positions: [] });
      expect(await conversationEvents(conversationId)).toHaveLength(after.length);
    });

    it('given a read chat, when a manager marks it unread, ignores and unignores the client, then each is recorded once, by that manager (L8, L9)', async () => {
      const chatId = String(Number.parseInt(hex(), 16));
      const conversationId = await openConversation(chatId);
      await sender.send(command('MarkRead', { conversationId }, conversationId));
      const send = (type: string) => sender.send(command(type, { conversationId }, conversationId));

      for (const type of [
        'MarkConversationUnread',
        'MarkConversationUnread',
        'IgnoreConversation',
        'IgnoreConversation',
        'UnignoreConversation',
      ]) {
        expect(await send(type)).toMatchObject({ status: 'accepted' });
      }
      const events = (await conversationEvents(conversationId)).slice(3);
      expect(events.map((event) => [event.type, event.metadata.actor.id])).toEqual([
        ['Conversation.MarkedUnread', 'manager-1'],
        ['Conversation.Ignored', 'manager-1'],
        ['Conversation.Unignored', 'manager-1'],
      ]);

      // Reading clears the mark: MarkRead records even with no client message unread.
      expect(await send('MarkRead')).toMatchObject({ status: 'accepted' });
      expect((await conversationEvents(conversationId)).at(-1)?.type).toBe(
        'Conversation.MarkedRead',
      );
      const elsewhere = command(
        'IgnoreConversation',
        { conversationId: 'ws-other:tg:1:1' },
        conversationId,
      );
      expect(await sender.send(elsewhere)).toMatchObject({ status: 'rejected' });
    });
  });
};

describeConversationService('PGlite + in-process bus', () => embeddedEngines());

describeOnKafka('conversation service', () => {
  describeConversationService('PostgreSQL + Kafka', () => realEngines('conversation'));
});
