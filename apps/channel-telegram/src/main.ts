import 'reflect-metadata';
import { TelegramChannelConfig, TelegramChannelModule } from '@parley/channel-telegram';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';

/**
 * The Telegram channel as its own process: the webhook and outbound delivery. It needs only the
 * event store to boot and take updates; with Kafka down, outbound delivery starts once it answers.
 */
const telegram = loadConfigOrExit(TelegramChannelConfig);
void runServiceProcess('channel-telegram', loadConfigOrExit(ServiceProcessConfig), async () => ({
  modules: [TelegramChannelModule.register(telegram)],
}));
