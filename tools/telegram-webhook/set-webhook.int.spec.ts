import { TELEGRAM_ALLOWED_UPDATES } from '@parley/channel-telegram';
import { startBotApiStandIn, type BotApiStandIn } from '@parley/channel-telegram/testing';
import { setTelegramWebhook, WebhookSetupFailed } from './set-webhook';

const TOKEN = '123456:TEST-token_abc';
const SECRET = 'webhook_Secret-42';

describe('npm run telegram:webhook (setTelegramWebhook)', () => {
  let standIn: BotApiStandIn;
  let env: Record<string, string>;
  beforeEach(async () => {
    standIn = await startBotApiStandIn({ token: TOKEN });
    env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: standIn.apiRoot,
      PARLEY_PUBLIC_URL: 'https://parley.example.com/',
    };
  });
  afterEach(async () => {
    await standIn.close();
  });

  it('given the settings, when run, then setWebhook gets the webhook URL, the secret and the allowed updates, keeping pending ones', async () => {
    const info = await setTelegramWebhook(env);

    const [call] = standIn.callsOf('setWebhook');
    expect(call?.params).toEqual({
      url: 'https://parley.example.com/channels/telegram/webhook',
      secret_token: SECRET,
      allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
      drop_pending_updates: false,
    });
    expect(standIn.webhook).toEqual({
      url: 'https://parley.example.com/channels/telegram/webhook',
      secretToken: SECRET,
      allowedUpdates: ['message', 'edited_message', 'my_chat_member'],
    });
    expect(info).toEqual({
      url: 'https://parley.example.com/channels/telegram/webhook',
      allowedUpdates: ['message', 'edited_message', 'my_chat_member'],
      pendingUpdateCount: 0,
      lastErrorMessage: undefined,
    });
  });

  it('given the base URL as an argument, then it wins over PARLEY_PUBLIC_URL', async () => {
    await setTelegramWebhook(env, 'https://tunnel.example.net');
    expect(standIn.webhook?.url).toBe('https://tunnel.example.net/channels/telegram/webhook');
  });

  it.each([
    ['TELEGRAM_BOT_TOKEN', /TELEGRAM_BOT_TOKEN is not set/],
    ['TELEGRAM_WEBHOOK_SECRET', /TELEGRAM_WEBHOOK_SECRET: must be 1-256 characters/],
    ['PARLEY_PUBLIC_URL', /PARLEY_PUBLIC_URL is not set/],
  ])('given %s missing, then a clear error and no call to Telegram', async (variable, message) => {
    delete env[variable];
    const failure = setTelegramWebhook(env);
    await expect(failure).rejects.toThrow(WebhookSetupFailed);
    await expect(failure).rejects.toThrow(message);
    expect(standIn.calls).toHaveLength(0);
  });

  it('given a plain http base URL, then it refuses before calling Telegram', async () => {
    env['PARLEY_PUBLIC_URL'] = 'http://localhost:3001';
    await expect(setTelegramWebhook(env)).rejects.toThrow(/must be an https:\/\/ URL/);
    expect(standIn.calls).toHaveLength(0);
  });

  it('given Telegram refuses, then the error says why and never shows the token', async () => {
    env['TELEGRAM_BOT_TOKEN'] = '654321:WRONG-token';
    const error = await setTelegramWebhook(env).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(WebhookSetupFailed);
    expect(error?.message).toMatch(/Telegram refused setWebhook .*401: Unauthorized/);
    expect(error?.message).not.toContain('WRONG-token');
  });
});
