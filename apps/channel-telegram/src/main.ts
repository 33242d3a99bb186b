import 'reflect-metadata';
import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { TelegramChannelConfig, TelegramChannelModule } from '@parley/channel-telegram';
import { loadConfigOrExit } from '@parley/config';
import { MediaStoreConfig, openMediaStore } from '@parley/media-store';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';

class ChannelTelegramProcessConfig extends ServiceProcessConfig {
  /**
   * The read store's MongoDB, where the gateway serves media from (GridFS): clients' files are
   * fetched into it. Empty: the file system under MEDIA_DIR, as the gateway without it.
   */
  @IsOptional()
  @Matches(/^(mongodb(\+srv)?:\/\/.*)?$/, { message: 'must be a mongodb:// URL or empty' })
  READ_STORE_URL: string = '';
  @IsString() @IsNotEmpty() READ_STORE_DB: string = 'parley';
}

/**
 * The Telegram channel as its own process: the webhook, outbound delivery, and fetching clients'
 * files into the media store. It needs only the event store to boot and take updates; with
 * Kafka down, outbound delivery and fetching start once it answers.
 */
const telegram = loadConfigOrExit(TelegramChannelConfig);
const config = loadConfigOrExit(ChannelTelegramProcessConfig);
const media = loadConfigOrExit(MediaStoreConfig);
void runServiceProcess('channel-telegram', config, async () => {
  const mediaStore = await openMediaStore({ ...config, ...media });
  return {
    modules: [TelegramChannelModule.register(telegram, { mediaStore })],
    stop: () => mediaStore.close(),
  };
});
