import mongoose from 'mongoose';
import { isMediaKind, type ContentTypeSource } from '@parley/contracts';
import { resolveRange } from '../byte-range';
import { BackpressuredWriter, takeIn, type DescribedMedia, type MediaSink } from '../intake';
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

type Db = mongoose.mongo.Db;

/** What a GridFS files document of this store holds under `metadata` (all but the size). */
type FileMetadata = Omit<DescribedMedia, 'mediaId'>;

interface FilesDocument {
  _id: string;
  length: number;
  metadata?: Partial<FileMetadata>;
}

export type GridFsMediaStoreOptions = {
  readonly maxBytes: number;
  /** The bucket: collections `<bucket>.files` and `<bucket>.chunks` (default `media`). */
  readonly bucketName?: string;
} & (
  | {
      /** The read store's database: its URL and name (READ_STORE_URL, READ_STORE_DB). */
      readonly url: string;
      readonly dbName: string;
      /** How long to look for a server before giving up (default 10 s). */
      readonly serverSelectionTimeoutMS?: number;
    }
  | {
      /** An open mongoose connection (and database) to share; the store does not close it. */
      readonly connection: mongoose.Connection;
    }
);

/**
 * GridFS takes any `_id`; the driver's types say ObjectId only. The store's ids are media ids
 * (UUID strings), so no client's name ever names a file here either.
 */
const gridFsId = (mediaId: string): mongoose.mongo.ObjectId =>
  mediaId as unknown as mongoose.mongo.ObjectId;

/** GridFS's default is 255 kB: a chunk is one document, under FerretDB's and MongoDB's limits. */
const CHUNK_BYTES = 255 * 1024;

/**
 * The media store in MongoDB GridFS (or FerretDB's), for the services modes: one files document
 * per file with `_id` and `filename` both the media id (never a client's name) and the metadata
 * under `metadata`; the bytes in `<bucket>.chunks`. GridFS writes the files document only after
 * the last chunk, so an unfinished file is invisible; a refused or broken one has its chunks
 * deleted (`abort`). The Media tab reads the index on workspace, conversation and creation time.
 */
export const createGridFsMediaStore = async (
  options: GridFsMediaStoreOptions,
): Promise<MediaStore> => {
  const owned = 'url' in options;
  const connection = owned
    ? await mongoose
        .createConnection(options.url, {
          dbName: options.dbName,
          serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
        })
        .asPromise()
    : options.connection;
  const db = connection.db;
  if (!db) throw new Error('GridFS media store: the connection has no database');
  const bucketName = options.bucketName ?? 'media';
  await db.collection(`${bucketName}.files`).createIndex(
    {
      'metadata.workspaceId': 1,
      'metadata.conversationId': 1,
      'metadata.createdAt': -1,
      _id: -1,
    },
    { name: 'media_tab' },
  );
  return new GridFsMediaStore(db, bucketName, options.maxBytes, owned ? connection : null);
};

const CONTENT_TYPE_SOURCES: readonly string[] = ['detected', 'declared', 'unknown'];

const storedMediaOf = (document: FilesDocument): StoredMedia | null => {
  const m = document.metadata ?? {};
  if (
    typeof m.workspaceId !== 'string' ||
    typeof m.conversationId !== 'string' ||
    !isMediaKind(m.kind) ||
    typeof m.contentType !== 'string' ||
    !CONTENT_TYPE_SOURCES.includes(String(m.contentTypeSource)) ||
    typeof m.fileName !== 'string' ||
    typeof m.createdAt !== 'string'
  ) {
    return null;
  }
  return {
    mediaId: document._id,
    workspaceId: m.workspaceId,
    conversationId: m.conversationId,
    kind: m.kind,
    contentType: m.contentType,
    contentTypeSource: m.contentTypeSource as ContentTypeSource,
    declaredContentType: typeof m.declaredContentType === 'string' ? m.declaredContentType : null,
    size: document.length,
    fileName: m.fileName,
    createdAt: m.createdAt,
  };
};

class GridFsMediaStore implements MediaStore {
  private readonly bucket: mongoose.mongo.GridFSBucket;
  private readonly files: mongoose.mongo.Collection<FilesDocument>;

  constructor(
    private readonly db: Db,
    private readonly bucketName: string,
    readonly maxBytes: number,
    private readonly ownedConnection: mongoose.Connection | null,
  ) {
    this.bucket = new mongoose.mongo.GridFSBucket(db, { bucketName, chunkSizeBytes: CHUNK_BYTES });
    this.files = db.collection<FilesDocument>(`${bucketName}.files`);
  }

  private async find(mediaId: string): Promise<StoredMedia | null> {
    if (!isMediaId(mediaId)) return null;
    const document = await this.files.findOne({ _id: mediaId });
    return document ? storedMediaOf(document) : null;
  }

  async put(
    media: MediaToStore,
    content: AsyncIterable<Uint8Array>,
    options: PutOptions = {},
  ): Promise<StoredMedia> {
    if (!isMediaId(media.mediaId)) throw new InvalidMediaId(media.mediaId);
    const existing = await this.find(media.mediaId);
    if (existing) {
      if (existing.workspaceId !== media.workspaceId) throw new MediaIdTaken(media.mediaId);
      return existing;
    }
    const limit = Math.min(this.maxBytes, options.maxBytes ?? this.maxBytes);
    return takeIn(media, content, limit, async ({ mediaId, ...metadata }): Promise<MediaSink> => {
      const upload = this.bucket.openUploadStreamWithId(gridFsId(mediaId), mediaId, { metadata });
      const writer = new BackpressuredWriter(upload);
      return {
        write: (chunk) => writer.write(chunk),
        commit: () => writer.end(),
        abort: async () => {
          try {
            await upload.abort();
          } catch {
            // already failed or finished: delete what may have been written
            await this.db.collection(`${this.bucketName}.chunks`).deleteMany({
              files_id: mediaId,
            });
          }
        },
      };
    });
  }

  async stat(workspaceId: string, mediaId: string): Promise<StoredMedia | null> {
    const media = await this.find(mediaId);
    return media && media.workspaceId === workspaceId ? media : null;
  }

  async get(workspaceId: string, mediaId: string, range?: ByteRange): Promise<OpenedMedia | null> {
    const media = await this.stat(workspaceId, mediaId);
    if (!media) return null;
    const resolved = range ? resolveRange(range, media.size) : null;
    const content = this.bucket.openDownloadStream(
      gridFsId(mediaId),
      resolved ? { start: resolved.start, end: resolved.end + 1 } : {},
    );
    return { media, range: resolved, content };
  }

  async delete(workspaceId: string, mediaId: string): Promise<boolean> {
    const media = await this.stat(workspaceId, mediaId);
    if (!media) return false;
    await this.bucket.delete(gridFsId(mediaId));
    return true;
  }

  async list(query: MediaListQuery): Promise<StoredMedia[]> {
    const filter: mongoose.mongo.Filter<FilesDocument> = {
      'metadata.workspaceId': query.workspaceId,
      'metadata.conversationId': query.conversationId,
    };
    if (query.kinds && query.kinds.length > 0) filter['metadata.kind'] = { $in: [...query.kinds] };
    if (query.before) {
      filter['$or'] = [
        { 'metadata.createdAt': { $lt: query.before.createdAt } },
        { 'metadata.createdAt': query.before.createdAt, _id: { $lt: query.before.mediaId } },
      ];
    }
    const documents = await this.files
      .find(filter)
      .sort({ 'metadata.createdAt': -1, _id: -1 })
      .limit(query.limit)
      .toArray();
    return documents.flatMap((document) => storedMediaOf(document) ?? []);
  }

  async check(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.ownedConnection?.close();
  }
}
