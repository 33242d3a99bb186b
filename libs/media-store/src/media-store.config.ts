import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

/**
 * The media store's settings (docs/style.md 11, 22: a piece each process that keeps media
 * composes into its config). Where files live follows the mode: `<PARLEY_DATA_DIR>/media` for
 * `npm start`, GridFS in the read store's database for the services.
 */
export class MediaStoreConfig {
  /** The largest file kept, in bytes (default 50 MB, the Bot API's limit for a bot's uploads). */
  @IsInt() @Min(1_024) @Max(2_147_483_648) MEDIA_MAX_BYTES: number = 52_428_800;
  /**
   * Where a service process keeps media when it has no read store (READ_STORE_URL empty). The
   * file-system store lists what its own process wrote, so only one process should use it.
   */
  @IsString() @IsNotEmpty() MEDIA_DIR: string = '.data/media';
}
