import {
  botIdFromToken,
  deterministicId,
  streamName,
  telegramConversationId,
  type ChannelClient,
  type ChannelMessageReceived,
  type ClientStarted,
  type EventEnvelope,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { DEMO_CLIENTS, type DemoClient } from './demo-clients';

interface BotSettings {
  readonly TELEGRAM_BOT_TOKEN: string;
}

/**
 * `npm start -- --demo`: store what the Telegram channel would have stored had the demo
 * clients written to the bot, so the services, projections and web app come alive at once.
 * Ids derive from the demo data: a second `--demo` boot adds nothing.
 */
export const seedDemoWorkspace = async (
  store: EventStore,
  workspaceId: string,
  bot: BotSettings,
  now: Date = new Date(),
): Promise<number> => {
  const botId = botIdFromToken(bot.TELEGRAM_BOT_TOKEN);
  let stored = 0;
  for (const client of DEMO_CLIENTS) {
    const conversationId = telegramConversationId(workspaceId, botId, client.telegramId);
    const events = demoEvents(client, { workspaceId, botId, conversationId, now });
    const result = await store.append(streamName('channel', conversationId), events, {
      expected: 'any',
    });
    if (result.appended) stored += events.length;
  }
  return stored;
};

const demoEvents = (
  client: DemoClient,
  at: { workspaceId: string; botId: string; conversationId: string; now: Date },
): EventEnvelope[] => {
  const channelClient: ChannelClient = {
    externalId: String(client.telegramId),
    username: client.username,
    firstName: client.firstName,
    lastName: client.lastName,
    languageCode: client.languageCode,
  };
  const source = {
    channel: 'telegram' as const,
    botId: at.botId,
    chatId: String(client.telegramId),
  };
  const first = client.messages[0]?.minutesAgo ?? 0;
  const time = (minutesAgo: number) =>
    new Date(at.now.getTime() - minutesAgo * 60_000).toISOString();
  const envelope = <E extends ClientStarted | ChannelMessageReceived>(
    type: E['type'],
    key: string,
    occurredAt: string,
    data: E['data'],
  ) => {
    const eventId = deterministicId('demo', at.workspaceId, client.telegramId, key);
    return {
      type,
      data,
      metadata: {
        eventId,
        workspaceId: at.workspaceId,
        aggregateId: at.conversationId,
        occurredAt,
        schemaVersion: 1,
        correlationId: eventId,
        causationId: null,
        actor: { kind: 'client' as const, id: `tg:${client.telegramId}` },
      },
    } as EventEnvelope;
  };
  return [
    envelope<ClientStarted>('Channel.ClientStarted', 'start', time(first + 1), {
      ...source,
      conversationId: at.conversationId,
      client: channelClient,
      payload: client.startPayload,
      updateId: 0,
      sentAt: time(first + 1),
    }),
    ...client.messages.map((m, i) =>
      envelope<ChannelMessageReceived>(
        'Channel.MessageReceived',
        `message-${i}`,
        time(m.minutesAgo),
        {
          ...source,
          conversationId: at.conversationId,
          client: channelClient,
          updateId: i + 1,
          externalMessageId: String(i + 1),
          content: { kind: 'text', text: m.text },
          sentAt: time(m.minutesAgo),
        },
      ),
    ),
  ];
};
