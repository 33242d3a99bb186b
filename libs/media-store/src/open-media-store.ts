import type { MediaStore } from './media-store.port';
import { createFileSystemMediaStore } from './file-system/file-system-media-store';
import { createGridFsMediaStore } from './gridfs/gridfs-media-store';

/**
 * A service process's media store: GridFS in the read store's database when the process has one
 * (READ_STORE_URL), else the file system under MEDIA_DIR. The gateway serves from it and the
 * channel fetches clients' files into it, so both open the same one.
 */
export const openMediaStore = (settings: {
  readonly READ_STORE_URL: string;
  readonly READ_STORE_DB: string;
  readonly MEDIA_DIR: string;
  readonly MEDIA_MAX_BYTES: number;
}): Promise<MediaStore> =>
  settings.READ_STORE_URL === ''
    ? createFileSystemMediaStore({
        directory: settings.MEDIA_DIR,
        maxBytes: settings.MEDIA_MAX_BYTES,
      })
    : createGridFsMediaStore({
        url: settings.READ_STORE_URL,
        dbName: settings.READ_STORE_DB,
        maxBytes: settings.MEDIA_MAX_BYTES,
      });
