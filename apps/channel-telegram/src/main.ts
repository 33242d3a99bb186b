import 'reflect-metadata';
import { TelegramChannelConfig, TelegramChannelModule } from '@parley/channel-telegram';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';

/** The Telegram channel as its own process: the webhook and outbound delivery. */
const telegram = loadConfigOrExit(TelegramChannelConfig);
void runServiceProcess('channel-telegram', loadConfigOrExit(ServiceProcessConfig), async () => ({
  modules: [TelegramChannelModule.register(telegram)],
}));
