import { InvalidConfig, loadConfig } from '@parley/config';
import {
  TELEGRAM_ALLOWED_UPDATES,
  TELEGRAM_WEBHOOK_PATH,
  TelegramChannelConfig,
} from '@parley/channel-telegram';
import { Api, GrammyError } from 'grammy';

/** A missing or wrong setting, or Telegram's refusal: the message says which, never the token. */
export class WebhookSetupFailed extends Error {
  override readonly name = 'WebhookSetupFailed';
}

/** What Telegram answered: getWebhookInfo right after setWebhook. */
export interface WebhookSetup {
  /** Where Telegram posts updates: `<public base URL>/channels/telegram/webhook`. */
  readonly url: string;
  readonly allowedUpdates: readonly string[];
  readonly pendingUpdateCount: number;
  /** Telegram's last failure to deliver to this URL, if it reports one. */
  readonly lastErrorMessage: string | undefined;
}

/** The public base URL: the first argument, else PARLEY_PUBLIC_URL; HTTPS, as Telegram requires. */
const publicBaseUrl = (env: Readonly<Record<string, string | undefined>>, arg?: string): string => {
  const raw = (arg ?? env['PARLEY_PUBLIC_URL'] ?? '').trim();
  if (raw === '') {
    throw new WebhookSetupFailed(
      'PARLEY_PUBLIC_URL is not set: give the public HTTPS base URL of the channel ' +
        '(e.g. PARLEY_PUBLIC_URL=https://parley.example.com, or as the first argument)',
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookSetupFailed(`PARLEY_PUBLIC_URL is not a URL (got "${raw}")`);
  }
  if (url.protocol !== 'https:') {
    throw new WebhookSetupFailed(
      `PARLEY_PUBLIC_URL must be an https:// URL: Telegram posts to HTTPS only (got "${raw}")`,
    );
  }
  return url.href.replace(/\/+$/, '');
};

/**
 * `npm run telegram:webhook`: setWebhook for the bot of TELEGRAM_BOT_TOKEN at
 * `<PARLEY_PUBLIC_URL>/channels/telegram/webhook`, with TELEGRAM_WEBHOOK_SECRET as secret_token,
 * the update kinds the channel reads (the list polling uses too) and the pending updates kept.
 */
export const setTelegramWebhook = async (
  env: Readonly<Record<string, string | undefined>>,
  arg?: string,
): Promise<WebhookSetup> => {
  if ((env['TELEGRAM_BOT_TOKEN'] ?? '') === '') {
    throw new WebhookSetupFailed('TELEGRAM_BOT_TOKEN is not set: the token from BotFather');
  }
  let config: TelegramChannelConfig;
  try {
    config = loadConfig(TelegramChannelConfig, env);
  } catch (error) {
    if (error instanceof InvalidConfig) throw new WebhookSetupFailed(error.message);
    throw error;
  }
  const base = publicBaseUrl(env, arg);
  const url = `${base}/${TELEGRAM_WEBHOOK_PATH}`;
  const api = new Api(config.TELEGRAM_BOT_TOKEN, {
    apiRoot: config.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    timeoutSeconds: config.TELEGRAM_API_TIMEOUT_SECONDS,
  });
  try {
    await api.setWebhook(url, {
      secret_token: config.TELEGRAM_WEBHOOK_SECRET,
      allowed_updates: TELEGRAM_ALLOWED_UPDATES,
      drop_pending_updates: false,
    });
    const info = await api.getWebhookInfo();
    return {
      url: info.url ?? '',
      allowedUpdates: info.allowed_updates ?? [],
      pendingUpdateCount: info.pending_update_count,
      lastErrorMessage: info.last_error_message,
    };
  } catch (error) {
    const masked = (text: string): string => text.split(config.TELEGRAM_BOT_TOKEN).join('<token>');
    if (error instanceof GrammyError) {
      throw new WebhookSetupFailed(
        `Telegram refused setWebhook for ${url} (${error.error_code}: ${masked(error.description)})`,
      );
    }
    throw new WebhookSetupFailed(
      `could not reach the Bot API at ${config.TELEGRAM_API_ROOT} (${masked(error instanceof Error ? error.message : String(error))})`,
    );
  }
};
