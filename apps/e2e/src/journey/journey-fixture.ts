import { randomBytes } from 'node:crypto';
import { startBotApiStandIn, type BotApiStandIn } from '@parley/channel-telegram/testing';
import { botIdFromToken, telegramConversationId } from '@parley/contracts';

/** What one journey run needs besides Parley itself: a bot, its stand-in API, ids. */
export interface JourneyFixture {
  readonly workspaceId: string;
  readonly botToken: string;
  readonly webhookSecret: string;
  readonly standIn: BotApiStandIn;
  readonly manager: { readonly email: string; readonly password: string };
  readonly admin: { readonly email: string; readonly password: string };
  /** Environment for Parley's processes: the bot, the stand-in, the users. */
  readonly env: Record<string, string>;
  conversationId(chatId: number): string;
}

export const createJourneyFixture = async (): Promise<JourneyFixture> => {
  const workspaceId = `e2e-${randomBytes(4).toString('hex')}`;
  const botToken = `${100000 + Math.floor(Math.random() * 800000)}:e2e-${randomBytes(8).toString('hex')}`;
  const webhookSecret = randomBytes(16).toString('hex');
  const standIn = await startBotApiStandIn({ token: botToken, username: 'parley_e2e_bot' });
  const manager = { email: 'manager@parley.local', password: 'manager-e2e-password' };
  const admin = { email: 'admin@parley.local', password: 'admin-e2e-password' };
  return {
    workspaceId,
    botToken,
    webhookSecret,
    standIn,
    manager,
    admin,
    env: {
      WORKSPACE_ID: workspaceId,
      TELEGRAM_BOT_TOKEN: botToken,
      TELEGRAM_WEBHOOK_SECRET: webhookSecret,
      TELEGRAM_BOT_USERNAME: 'parley_e2e_bot',
      TELEGRAM_API_ROOT: standIn.apiRoot,
      TELEGRAM_CHAT_SEND_INTERVAL_MS: '0',
      PARLEY_AUTH_SECRET: randomBytes(32).toString('hex'),
      PARLEY_MANAGER_EMAIL: manager.email,
      PARLEY_MANAGER_PASSWORD: manager.password,
      PARLEY_ADMIN_EMAIL: admin.email,
      PARLEY_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
    },
    conversationId: (chatId) =>
      telegramConversationId(workspaceId, botIdFromToken(botToken), chatId),
  };
};
