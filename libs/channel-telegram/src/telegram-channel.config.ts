import {
  IsDivisibleBy,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const BOT_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
const WEBHOOK_SECRET = /^[A-Za-z0-9_-]{1,256}$/;

/** How the channel receives updates (TELEGRAM_MODE). */
export const TELEGRAM_MODES = ['webhook', 'polling'] as const;
export type TelegramMode = (typeof TELEGRAM_MODES)[number];

const channelEnabled = (c: TelegramChannelConfig): boolean => c.TELEGRAM_BOT_TOKEN !== '';

/**
 * The Telegram channel's settings, read once at boot with `loadConfig` (docs/style.md 11). The
 * channel is on when TELEGRAM_BOT_TOKEN is set; then TELEGRAM_WEBHOOK_SECRET is required too,
 * because a webhook without a secret would store whatever anyone posts to it.
 */
export class TelegramChannelConfig {
  /** The bot's token from BotFather, `123456:ABC-DEF...`; empty: the channel is off. */
  @ValidateIf(channelEnabled)
  @Matches(BOT_TOKEN, { message: 'must look like 123456:ABC-DEF (the token from BotFather)' })
  TELEGRAM_BOT_TOKEN: string = '';

  /** The `secret_token` given to setWebhook; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  @ValidateIf(channelEnabled)
  @Matches(WEBHOOK_SECRET, {
    message:
      'must be 1-256 characters of A-Z, a-z, 0-9, _ and - (required with TELEGRAM_BOT_TOKEN)',
  })
  TELEGRAM_WEBHOOK_SECRET: string = '';

  /**
   * How updates arrive: `webhook` (Telegram posts them to /channels/telegram/webhook; set it with
   * `npm run telegram:webhook`) or `polling` (this process deletes the webhook and long-polls
   * getUpdates: development without a public URL; one polling process per bot).
   */
  @IsIn(TELEGRAM_MODES, { message: `must be one of ${TELEGRAM_MODES.join(', ')}` })
  TELEGRAM_MODE: TelegramMode = 'webhook';

  /** The bot's @username (without @): grammY matches `/start@username` against it. */
  @IsString() @IsNotEmpty() TELEGRAM_BOT_USERNAME: string = 'parley_bot';

  /** Where the Bot API lives; tests point it at the stand-in. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  TELEGRAM_API_ROOT: string = 'https://api.telegram.org';

  /**
   * How long a Bot API call may take before it is given up (seconds). Well below the Kafka
   * consumer's session timeout (10 s), so a stuck call never costs the service its partitions. A
   * send that times out is recorded as `unconfirmed`, never sent twice on its own.
   */
  @IsInt() @Min(1) @Max(60) TELEGRAM_API_TIMEOUT_SECONDS: number = 5;

  /**
   * Least time between two messages to one chat (Telegram: about 1 per second per chat), for
   * every replica together; 0: no spacing. Whole seconds, because the shared limiter's windows
   * in Redis are (rate-limiter-flexible sets them with EXPIRE).
   */
  @IsInt()
  @Min(0)
  @Max(60_000)
  @IsDivisibleBy(1000, { message: 'must be 0 or whole seconds in ms (1000, 2000, ...)' })
  TELEGRAM_CHAT_SEND_INTERVAL_MS: number = 1000;

  /**
   * Messages the bot sends per second, all chats and replicas together (Telegram: about 30). The
   * limiter grants a sixth of it per 200 ms slot, so no sliding second ever holds more.
   */
  @IsInt() @Min(6) @Max(1000) TELEGRAM_BOT_SENDS_PER_SECOND: number = 30;

  /**
   * Redis for the send limits, shared by every replica of the channel (per-chat spacing, the
   * bot's rate, Telegram's retry_after holds). Empty: this process's memory (one replica only).
   * A password in it is masked in configuration errors.
   */
  @Matches(/^(rediss?:\/\/\S+)?$/, { message: 'must be a redis:// or rediss:// URL, or empty' })
  REDIS_URL: string = '';
}

/** True when the config switches the channel on (a bot token is set). */
export const isTelegramChannelEnabled = (config: TelegramChannelConfig): boolean =>
  channelEnabled(config);
