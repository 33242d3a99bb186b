import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { fallbackFileName, sanitiseFileName } from './file-name';
import { decideContentType, DETECTION_BYTES, normaliseDeclaredType } from './content-type';
import { MediaTooLarge } from './media-errors';
import type { MediaToStore, StoredMedia } from './media-store.port';

/** Where an adapter writes one file's bytes. */
export interface MediaSink {
  write(chunk: Buffer): Promise<void>;
  /** Make the file visible, `size` bytes long. */
  commit(size: number): Promise<void>;
  /** Remove whatever was written. */
  abort(): Promise<void>;
}

/**
 * Writes to a Node writable with backpressure. The stream's own 'error' (a full disk, a lost
 * server, writes still buffered when the sink is aborted) is kept and thrown at the next write
 * or at `end`, instead of going unhandled.
 */
export class BackpressuredWriter {
  private failure: unknown = null;

  constructor(private readonly stream: NodeJS.WritableStream & Writable) {
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    if (this.failure !== null) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }
}

/** A file's metadata before its size is known. */
export type DescribedMedia = Omit<StoredMedia, 'size'>;

const asBuffer = (chunk: Uint8Array): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * Streams `content` into the sink an adapter opens once the type is known: reads only the first
 * bytes ahead (file-type needs about 4 kB), then writes chunk by chunk, counting. Over `maxBytes`
 * it stops reading, aborts the sink and throws MediaTooLarge; any failure aborts the sink.
 */
export const takeIn = async (
  media: MediaToStore,
  content: AsyncIterable<Uint8Array>,
  maxBytes: number,
  openSink: (described: DescribedMedia) => Promise<MediaSink>,
): Promise<StoredMedia> => {
  const iterator = content[Symbol.asyncIterator]();
  const stopReading = async (): Promise<void> => {
    await iterator.return?.();
  };
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  try {
    while (size < DETECTION_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = asBuffer(next.value);
      size += chunk.length;
      if (size > maxBytes) throw new MediaTooLarge(maxBytes);
      head.push(chunk);
    }
  } catch (error) {
    await stopReading();
    throw error;
  }

  const decision = await decideContentType(Buffer.concat(head), media.declaredContentType);
  const described: DescribedMedia = {
    mediaId: media.mediaId,
    workspaceId: media.workspaceId,
    conversationId: media.conversationId,
    kind: media.kind,
    contentType: decision.contentType,
    contentTypeSource: decision.source,
    declaredContentType: normaliseDeclaredType(media.declaredContentType),
    fileName:
      sanitiseFileName(media.fileName) ??
      fallbackFileName(media.kind, media.mediaId, decision.extension),
    createdAt: media.createdAt,
  };

  const sink = await openSink(described);
  try {
    for (const chunk of head) await sink.write(chunk);
    while (!ended) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = asBuffer(next.value);
      size += chunk.length;
      if (size > maxBytes) throw new MediaTooLarge(maxBytes);
      await sink.write(chunk);
    }
    await sink.commit(size);
  } catch (error) {
    await stopReading();
    await sink.abort();
    throw error;
  }
  return { ...described, size };
};
