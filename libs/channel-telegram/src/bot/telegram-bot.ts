import { botIdFromToken } from '@parley/contracts';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { TelegramChannelConfig } from '../telegram-channel.config';

/** DI tokens of the channel module. */
export const TELEGRAM_BOT = 'parley:channel-telegram:Bot';
export const TELEGRAM_CHANNEL_CONFIG = 'parley:channel-telegram:Config';

/**
 * What getMe would answer, built from the config, so booting makes no call to Telegram (the
 * process starts while Telegram is unreachable; the first sendMessage tells if the token is bad).
 */
export const botInfoFromConfig = (config: TelegramChannelConfig): UserFromGetMe => ({
  id: Number(botIdFromToken(config.TELEGRAM_BOT_TOKEN)),
  is_bot: true,
  first_name: config.TELEGRAM_BOT_USERNAME,
  username: config.TELEGRAM_BOT_USERNAME,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
});

/** The grammY bot of this process: no polling; updates come from the webhook controller. */
export const createTelegramBot = (config: TelegramChannelConfig): Bot =>
  new Bot(config.TELEGRAM_BOT_TOKEN, {
    botInfo: botInfoFromConfig(config),
    client: {
      apiRoot: config.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      timeoutSeconds: config.TELEGRAM_API_TIMEOUT_SECONDS,
    },
  });
