import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import {
  access,
  constants,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { isMediaKind } from '@parley/contracts';
import { resolveRange } from '../byte-range';
import { BackpressuredWriter, takeIn, type MediaSink } from '../intake';
import { InvalidMediaId, MediaIdTaken } from '../media-errors';
import { isMediaId } from '../media-id';
import type {
  ByteRange,
  OpenedMedia,
  MediaListQuery,
  MediaStore,
  MediaToStore,
  PutOptions,
  StoredMedia,
} from '../media-store.port';

export interface FileSystemMediaStoreOptions {
  /** The store's own directory (`npm start`: `<PARLEY_DATA_DIR>/media`). */
  readonly directory: string;
  readonly maxBytes: number;
}

/**
 * The media store on the file system, for `npm start`: `files/<first two characters of the
 * media id>/<media id>` holds the bytes and `<media id>.json` beside it the metadata, written
 * last, so a file exists once its metadata does. Bytes arrive in `incoming/` and are renamed
 * into place when complete; a refused or broken write is deleted, and what a crash left in
 * `incoming/` is deleted at the next open. The only names on disk are media ids (UUIDs).
 * The Media tab's index is the metadata, read into memory at open: one process owns the
 * directory.
 */
export const createFileSystemMediaStore = async (
  options: FileSystemMediaStoreOptions,
): Promise<MediaStore> => {
  const root = path.resolve(options.directory);
  const files = path.join(root, 'files');
  const incoming = path.join(root, 'incoming');
  await rm(incoming, { recursive: true, force: true });
  await mkdir(incoming, { recursive: true });
  await mkdir(files, { recursive: true });
  const index = new Map<string, StoredMedia>();
  for (const shard of await readdir(files)) {
    for (const name of await readdir(path.join(files, shard))) {
      if (!name.endsWith('.json')) continue;
      const media = parseMetadata(await readFile(path.join(files, shard, name), 'utf8'));
      if (media) index.set(media.mediaId, media);
    }
  }
  return new FileSystemMediaStore(files, incoming, options.maxBytes, index);
};

const parseMetadata = (text: string): StoredMedia | null => {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const ok =
      typeof value['mediaId'] === 'string' &&
      isMediaId(value['mediaId']) &&
      typeof value['workspaceId'] === 'string' &&
      typeof value['conversationId'] === 'string' &&
      isMediaKind(value['kind']) &&
      typeof value['contentType'] === 'string' &&
      typeof value['size'] === 'number' &&
      typeof value['fileName'] === 'string' &&
      typeof value['createdAt'] === 'string';
    return ok ? (value as unknown as StoredMedia) : null;
  } catch {
    return null;
  }
};

const newestFirst = (a: StoredMedia, b: StoredMedia): number =>
  a.createdAt === b.createdAt
    ? b.mediaId.localeCompare(a.mediaId)
    : b.createdAt.localeCompare(a.createdAt);

class FileSystemMediaStore implements MediaStore {
  constructor(
    private readonly files: string,
    private readonly incoming: string,
    readonly maxBytes: number,
    private readonly index: Map<string, StoredMedia>,
  ) {}

  private pathOf(mediaId: string): string {
    return path.join(this.files, mediaId.slice(0, 2), mediaId);
  }

  async put(
    media: MediaToStore,
    content: AsyncIterable<Uint8Array>,
    options: PutOptions = {},
  ): Promise<StoredMedia> {
    if (!isMediaId(media.mediaId)) throw new InvalidMediaId(media.mediaId);
    const existing = this.index.get(media.mediaId);
    if (existing) {
      if (existing.workspaceId !== media.workspaceId) throw new MediaIdTaken(media.mediaId);
      return existing;
    }
    const limit = Math.min(this.maxBytes, options.maxBytes ?? this.maxBytes);
    const target = this.pathOf(media.mediaId);
    const part = path.join(this.incoming, `${media.mediaId}.${randomBytes(6).toString('hex')}`);
    const stored = await takeIn(media, content, limit, async (what): Promise<MediaSink> => {
      const stream = createWriteStream(part, { flags: 'wx' });
      const writer = new BackpressuredWriter(stream);
      await once(stream, 'open');
      return {
        write: (chunk) => writer.write(chunk),
        commit: async (size) => {
          await writer.end();
          await mkdir(path.dirname(target), { recursive: true });
          await rename(part, target);
          const metadata: StoredMedia = { ...what, size };
          const metadataPart = `${part}.json`;
          await writeFile(metadataPart, JSON.stringify(metadata), { flag: 'wx' });
          await rename(metadataPart, `${target}.json`);
        },
        abort: async () => {
          stream.destroy();
          await rm(part, { force: true });
          await rm(`${part}.json`, { force: true });
        },
      };
    });
    this.index.set(stored.mediaId, stored);
    return stored;
  }

  async stat(workspaceId: string, mediaId: string): Promise<StoredMedia | null> {
    const media = this.index.get(mediaId);
    return media && media.workspaceId === workspaceId ? media : null;
  }

  async get(workspaceId: string, mediaId: string, range?: ByteRange): Promise<OpenedMedia | null> {
    const media = await this.stat(workspaceId, mediaId);
    if (!media) return null;
    const resolved = range ? resolveRange(range, media.size) : null;
    const content = createReadStream(
      this.pathOf(mediaId),
      resolved ? { start: resolved.start, end: resolved.end } : {},
    );
    await once(content, 'open');
    return { media, range: resolved, content };
  }

  async delete(workspaceId: string, mediaId: string): Promise<boolean> {
    const media = await this.stat(workspaceId, mediaId);
    if (!media) return false;
    this.index.delete(mediaId);
    const target = this.pathOf(mediaId);
    await rm(`${target}.json`, { force: true });
    await rm(target, { force: true });
    return true;
  }

  async list(query: MediaListQuery): Promise<StoredMedia[]> {
    const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
    const before = query.before;
    return [...this.index.values()]
      .filter(
        (media) =>
          media.workspaceId === query.workspaceId &&
          media.conversationId === query.conversationId &&
          (kinds === null || kinds.has(media.kind)) &&
          (before === undefined ||
            newestFirst(media, { ...media, createdAt: before.createdAt, mediaId: before.mediaId }) >
              0),
      )
      .sort(newestFirst)
      .slice(0, query.limit);
  }

  async check(): Promise<void> {
    await access(this.files, constants.W_OK);
    await access(this.incoming, constants.W_OK);
  }

  async close(): Promise<void> {
    // Nothing held open between calls.
  }
}
