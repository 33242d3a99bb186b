export {
  MEDIA_STORE,
  type ByteRange,
  type OpenedMedia,
  type MediaListQuery,
  type MediaStore,
  type MediaToStore,
  type PutOptions,
  type ResolvedRange,
  type StoredMedia,
} from './media-store.port';
export { InvalidMediaId, MediaIdTaken, MediaTooLarge, RangeNotSatisfiable } from './media-errors';
export { MediaStoreConfig } from './media-store.config';
export {
  createFileSystemMediaStore,
  type FileSystemMediaStoreOptions,
} from './file-system/file-system-media-store';
export { createGridFsMediaStore, type GridFsMediaStoreOptions } from './gridfs/gridfs-media-store';
export { openMediaStore } from './open-media-store';
export { NotAVoiceRecording, toVoiceNote, type VoiceNote } from './voice-note';
