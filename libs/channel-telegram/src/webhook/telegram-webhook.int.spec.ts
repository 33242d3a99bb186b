import { createInProcessBus } from '@parley/bus';
import { loadConfig } from '@parley/config';
import { streamName, telegramConversationId, type EventEnvelope } from '@parley/contracts';
import {
  embeddedEngines,
  realEngines,
  startServiceHarness,
  type ServiceHarness,
  type TestEngines,
} from '@parley/platform/testing';
import { sampleTextUpdate, startBotApiStandIn, type BotApiStandIn } from '../testing';
import { TelegramChannelConfig, TelegramChannelModule } from '../index';

/**
 * The webhook over HTTP, with a list where Telegram sends one object (`message`, `message.chat`,
 * `message.from`). README, "What the webhook does with odd updates": with the right secret every
 * update gets 200 (a 4xx would make Telegram redeliver it, holding the bot's later updates back),
 * and one Parley cannot use is kept as Channel.UpdateRejected naming the field. So "refused"
 * here is that: no client event in the chat's stream, one rejected update naming the field.
 */

const TOKEN = '123456:TEST-token_abc';
const BOT_ID = '123456';
const SECRET = 'webhook_Secret-42';
const WORKSPACE = 'ws1';
const NOW = new Date('2026-01-01T10:00:00.000Z');
const REJECTED_UPDATES_STREAM = `channel-${WORKSPACE}:tg:${BOT_ID}:rejected_updates`;

const asEmptyList = (): unknown => [];
const asListOfItself = (value: unknown): unknown => [value];

/** A text update from `chat` with the value at `field` (`message` or `message.x`) replaced. */
const textUpdateWith = (chat: number, field: string, replace: (value: unknown) => unknown) => {
  const update = sampleTextUpdate({ updateId: chat, chatId: chat, text: 'hello' });
  const message = update['message'] as Record<string, unknown>;
  const part = field.split('.')[1];
  update['message'] =
    part === undefined ? replace(message) : { ...message, [part]: replace(message[part]) };
  return update;
};

const describeWebhook = (adapter: string, openEngines: () => Promise<TestEngines>): void =>
  describe(`Telegram webhook on ${adapter}: a list where one object belongs`, () => {
    let standIn: BotApiStandIn;
    let harness: ServiceHarness;
    let nextChat = 5000;
    const freshChat = (): number => nextChat++;

    beforeAll(async () => {
      standIn = await startBotApiStandIn({ token: TOKEN });
      harness = await startServiceHarness({
        engines: openEngines(),
        serviceName: 'channel-telegram',
        workspaceId: WORKSPACE,
        clock: () => NOW,
        modules: [
          TelegramChannelModule.register(
            loadConfig(TelegramChannelConfig, {
              TELEGRAM_BOT_TOKEN: TOKEN,
              TELEGRAM_WEBHOOK_SECRET: SECRET,
              TELEGRAM_API_ROOT: standIn.apiRoot,
            }),
          ),
        ],
        http: true,
      });
    });
    afterAll(async () => {
      await harness?.close();
      await standIn?.close();
    });

    const postUpdate = (body: unknown) =>
      fetch(`${harness.url!}/channels/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(body),
      });

    const eventsOf = async (chat: number): Promise<EventEnvelope[]> =>
      (
        await harness.store.readStream(
          streamName('channel', telegramConversationId(WORKSPACE, BOT_ID, chat)),
        )
      ).map((r) => r.event);

    const rejectedUpdates = async (updateId: number): Promise<EventEnvelope[]> =>
      (await harness.store.readStream(REJECTED_UPDATES_STREAM))
        .map((r) => r.event)
        .filter((e) => (e.data as { updateId: number }).updateId === updateId);

    it.each(['message', 'message.chat', 'message.from'])(
      'given %s as [] or as [itself], then 200, no client event, one rejected update naming it',
      async (field) => {
        for (const replace of [asEmptyList, asListOfItself]) {
          const chat = freshChat();
          const update = textUpdateWith(chat, field, replace);
          const response = await postUpdate(update);
          expect(response.status).toBe(200);
          expect(await response.json()).toEqual({ ok: true });
          expect(await eventsOf(chat)).toEqual([]);
          const [rejected, ...more] = await rejectedUpdates(chat);
          expect(more).toEqual([]);
          expect(rejected).toMatchObject({ type: 'Channel.UpdateRejected' });
          const data = rejected!.data as { reason: string; issues: unknown[]; rawUpdate: string };
          expect(data.issues).toContainEqual({
            field,
            reason: 'must be a single object, not a list',
          });
          expect(data.reason).toContain(`${field} must be a single object, not a list`);
          expect(JSON.parse(data.rawUpdate)).toEqual(update);
        }
      },
    );

    it('given the same update with one object where it belongs, then Channel.MessageReceived', async () => {
      const chat = freshChat();
      const response = await postUpdate(textUpdateWith(chat, 'message.from', (from) => from));
      expect(response.status).toBe(200);
      const events = await eventsOf(chat);
      expect(events.map((e) => e.type)).toEqual(['Channel.MessageReceived']);
      expect(events[0]!.data).toMatchObject({ content: { kind: 'text', text: 'hello' } });
      expect(await rejectedUpdates(chat)).toEqual([]);
    });
  });

describeWebhook('PGlite', () => embeddedEngines());

describeWebhook('PostgreSQL', () =>
  realEngines('parley_telegram_webhook', { bus: createInProcessBus() }),
);
