import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { MediaKind } from '@parley/contracts';
import { InvalidMediaId, MediaIdTaken, MediaTooLarge, RangeNotSatisfiable } from '../media-errors';
import type { ByteRange, MediaStore, MediaToStore, StoredMedia } from '../media-store.port';

/**
 * The one contract suite of the media store port (docs/style.md 15): every adapter that can be
 * reached runs it. `open` gives a fresh, empty store with `maxBytes` as its limit;
 * `storedObjects` counts what the adapter holds of any file, finished or not (files on disk,
 * GridFS documents), so a refused write can be shown to leave nothing behind; `storedBytes`
 * what they hold, so a write can be shown to stream.
 */
export interface MediaStoreUnderTest {
  readonly store: MediaStore;
  storedObjects(): Promise<number>;
  /** The bytes the adapter holds (file contents, GridFS chunk data). */
  storedBytes(): Promise<number>;
  dispose(): Promise<void>;
}

const TIMEOUT_MS = 60_000;
const LIMIT = 8 * 1024 * 1024;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Deterministic bytes, different at every offset that matters to a range. */
const bytesOf = (size: number, seed = 1): Buffer => {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i += 1) {
    x = (x * 1_103_515_245 + 12_345) & 0x7fffffff;
    bytes[i] = x >>> 16;
  }
  return bytes;
};

/** `bytes` as a stream of `chunk`-sized pieces, counting how many pieces were pulled. */
const streamOf = (
  bytes: Buffer,
  chunk = 64 * 1024,
): AsyncIterable<Uint8Array> & { pulled: number } => {
  const source = {
    pulled: 0,
    async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
      for (let offset = 0; offset < bytes.length; offset += chunk) {
        source.pulled += 1;
        yield bytes.subarray(offset, offset + chunk);
      }
    },
  };
  return source;
};

const read = async (content: AsyncIterable<Uint8Array>): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const part of content) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
};

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const rejectionOf = async (attempt: Promise<unknown>): Promise<unknown> => {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be rejected, it resolved');
};

const media = (overrides: Partial<MediaToStore> = {}): MediaToStore => ({
  mediaId: randomUUID(),
  workspaceId: 'w1',
  conversationId: 'w1:tg:1:100',
  kind: 'document',
  declaredContentType: null,
  fileName: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

export const describeMediaStoreContract = (
  name: string,
  open: (maxBytes: number) => Promise<MediaStoreUnderTest>,
): void => {
  describe(`media store contract: ${name}`, () => {
    let under: MediaStoreUnderTest;
    let store: MediaStore;

    beforeEach(async () => {
      under = await open(LIMIT);
      store = under.store;
    }, TIMEOUT_MS);

    afterEach(async () => {
      await under?.dispose();
    }, TIMEOUT_MS);

    const getBytes = async (
      workspaceId: string,
      mediaId: string,
      range?: ByteRange,
    ): Promise<Buffer | null> => {
      const found = await store.get(workspaceId, mediaId, range);
      return found ? read(found.content) : null;
    };

    describe('put and get', () => {
      it('round-trips a multi-megabyte stream, chunk by chunk, with its metadata', async () => {
        const bytes = bytesOf(5 * 1024 * 1024 + 123);
        const given = media({
          kind: 'video',
          declaredContentType: 'Video/MP4; codecs="avc1"',
          fileName: 'holiday.mp4',
        });
        const source = streamOf(bytes);

        const stored = await store.put(given, source);

        expect(source.pulled).toBe(Math.ceil(bytes.length / (64 * 1024)));
        const expected: StoredMedia = {
          mediaId: given.mediaId,
          workspaceId: 'w1',
          conversationId: 'w1:tg:1:100',
          kind: 'video',
          contentType: 'video/mp4',
          contentTypeSource: 'declared',
          declaredContentType: 'video/mp4',
          size: bytes.length,
          fileName: 'holiday.mp4',
          createdAt: '2026-12-01T10:00:00.000Z',
        };
        expect(stored).toEqual(expected);
        expect(await store.stat('w1', given.mediaId)).toEqual(expected);
        const found = await store.get('w1', given.mediaId);
        expect(found?.range).toBeNull();
        const back = await read(found!.content);
        expect(back.length).toBe(bytes.length);
        expect(sha256(back)).toBe(sha256(bytes));
      });

      it('writes while it reads: bytes are stored before the stream ends', async () => {
        const chunk = bytesOf(64 * 1024, 5);
        let storedMidway = -1;
        async function* slowSource(): AsyncGenerator<Uint8Array> {
          for (let i = 0; i < 80; i += 1) {
            if (i === 60) storedMidway = await under.storedBytes();
            yield chunk;
          }
        }
        const stored = await store.put(media(), slowSource());
        expect(stored.size).toBe(80 * chunk.length);
        // 60 chunks (3.75 MB) were handed over: most of them are stored, not held in memory.
        expect(storedMidway).toBeGreaterThan(2 * 1024 * 1024);
      });

      it('keeps an empty file', async () => {
        const given = media();
        const stored = await store.put(given, streamOf(Buffer.alloc(0)));
        expect(stored.size).toBe(0);
        expect(stored.contentTypeSource).toBe('unknown');
        expect((await getBytes('w1', given.mediaId))?.length).toBe(0);
      });

      it('answers a repeated media id with the stored file, without reading the bytes again', async () => {
        const given = media({ fileName: 'first.bin' });
        const first = await store.put(given, streamOf(bytesOf(10_000)));
        const again = streamOf(bytesOf(20_000, 7));

        const second = await store.put({ ...given, fileName: 'second.bin' }, again);

        expect(isDeepStrictEqual(second, first)).toBe(true);
        expect(again.pulled).toBe(0);
        expect(sha256((await getBytes('w1', given.mediaId))!)).toBe(sha256(bytesOf(10_000)));
      });

      it('refuses an id that is not a media id, and never finds one', async () => {
        const error = await rejectionOf(
          store.put(media({ mediaId: '../../etc/passwd' }), streamOf(bytesOf(10))),
        );
        expect(error).toBeInstanceOf(InvalidMediaId);
        expect(await store.stat('w1', '../../etc/passwd')).toBeNull();
        expect(await store.get('w1', '..')).toBeNull();
        expect(await under.storedObjects()).toBe(0);
      });

      it('keeps a download name without paths, controls or quotes, letters of any script kept', async () => {
        const stored = await store.put(
          media({ fileName: '..\\..\\tmp/Отчёт "Q4"\u202Efdp.exe\u0007 ' }),
          streamOf(bytesOf(100)),
        );
        expect(stored.fileName).toBe('Отчёт Q4fdp.exe');
      });

      it('names a file its sender did not name by kind, id and detected extension', async () => {
        const given = media({ kind: 'photo' });
        const stored = await store.put(given, streamOf(PNG));
        expect(stored.fileName).toBe(`photo-${given.mediaId.slice(0, 8)}.png`);
      });
    });

    describe('ranges', () => {
      const size = 3 * 1024 * 1024 + 17;
      const bytes = bytesOf(size, 3);
      let mediaId: string;

      beforeEach(async () => {
        mediaId = (await store.put(media(), streamOf(bytes))).mediaId;
      }, TIMEOUT_MS);

      it('serves the first bytes', async () => {
        const found = await store.get('w1', mediaId, { start: 0, end: 99 });
        expect(found?.range).toEqual({ start: 0, end: 99 });
        expect((await read(found!.content)).equals(bytes.subarray(0, 100))).toBe(true);
      });

      it('serves a middle range across chunk boundaries', async () => {
        const start = 1024 * 1024 - 10;
        const end = 2 * 1024 * 1024 + 10;
        const got = await getBytes('w1', mediaId, { start, end });
        expect(got?.equals(bytes.subarray(start, end + 1))).toBe(true);
      });

      it('serves an open range to the end', async () => {
        const got = await getBytes('w1', mediaId, { start: size - 1000 });
        expect(got?.equals(bytes.subarray(size - 1000))).toBe(true);
      });

      it('serves a suffix', async () => {
        const found = await store.get('w1', mediaId, { suffixLength: 500 });
        expect(found?.range).toEqual({ start: size - 500, end: size - 1 });
        expect((await read(found!.content)).equals(bytes.subarray(size - 500))).toBe(true);
      });

      it('cuts an end beyond the file at the file', async () => {
        const found = await store.get('w1', mediaId, { start: size - 10, end: size + 1000 });
        expect(found?.range).toEqual({ start: size - 10, end: size - 1 });
        expect((await read(found!.content)).equals(bytes.subarray(size - 10))).toBe(true);
      });

      it('refuses a range that starts beyond the end', async () => {
        const error = await rejectionOf(store.get('w1', mediaId, { start: size }));
        expect(error).toBeInstanceOf(RangeNotSatisfiable);
        expect((error as RangeNotSatisfiable).size).toBe(size);
      });
    });

    describe('content type', () => {
      it('detects a PNG declared as text from its bytes', async () => {
        const stored = await store.put(
          media({ kind: 'photo', declaredContentType: 'text/plain' }),
          streamOf(PNG),
        );
        expect(stored.contentType).toBe('image/png');
        expect(stored.contentTypeSource).toBe('detected');
        expect(stored.declaredContentType).toBe('text/plain');
        expect((await store.stat('w1', stored.mediaId))?.contentType).toBe('image/png');
      });

      it('detects from bytes split into tiny chunks', async () => {
        const stored = await store.put(media(), streamOf(PNG, 3));
        expect(stored.contentType).toBe('image/png');
      });

      it('falls back to the declared type when the bytes say nothing, and says so', async () => {
        const stored = await store.put(
          media({ declaredContentType: 'text/plain; charset=utf-8' }),
          streamOf(Buffer.from('just words, no magic number\n')),
        );
        expect(stored.contentType).toBe('text/plain');
        expect(stored.contentTypeSource).toBe('declared');
      });

      it('serves unknown bytes without a declaration as application/octet-stream', async () => {
        const stored = await store.put(
          media({ declaredContentType: 'not a type' }),
          streamOf(Buffer.from('plain')),
        );
        expect(stored.contentType).toBe('application/octet-stream');
        expect(stored.contentTypeSource).toBe('unknown');
        expect(stored.declaredContentType).toBeNull();
      });
    });

    describe('size limit', () => {
      it('refuses a file over the limit and keeps nothing of it', async () => {
        const given = media();
        const source = streamOf(bytesOf(LIMIT + 1));

        const error = await rejectionOf(store.put(given, source));

        expect(error).toBeInstanceOf(MediaTooLarge);
        expect(source.pulled).toBe(Math.ceil((LIMIT + 1) / (64 * 1024)));
        expect(await store.stat('w1', given.mediaId)).toBeNull();
        expect(await store.get('w1', given.mediaId)).toBeNull();
        expect(
          await store.list({ workspaceId: 'w1', conversationId: given.conversationId, limit: 10 }),
        ).toEqual([]);
        expect(await under.storedObjects()).toBe(0);
      });

      it('stops reading a stream at the limit a put asks for', async () => {
        const source = streamOf(bytesOf(1024 * 1024), 1024);
        const error = await rejectionOf(store.put(media(), source, { maxBytes: 10_000 }));
        expect(error).toBeInstanceOf(MediaTooLarge);
        expect(source.pulled).toBe(10);
        expect(await under.storedObjects()).toBe(0);
      });

      it('keeps a file of exactly the limit', async () => {
        const stored = await store.put(media(), streamOf(bytesOf(10_000)), { maxBytes: 10_000 });
        expect(stored.size).toBe(10_000);
      });

      it('keeps nothing of a stream that fails half-way', async () => {
        const given = media();
        async function* failing(): AsyncGenerator<Uint8Array> {
          yield bytesOf(1024 * 1024);
          throw new Error('connection reset');
        }
        const error = await rejectionOf(store.put(given, failing()));
        expect((error as Error).message).toBe('connection reset');
        expect(await store.stat('w1', given.mediaId)).toBeNull();
        expect(await under.storedObjects()).toBe(0);
      });
    });

    describe('delete', () => {
      it('deletes a file and everything of it', async () => {
        const given = media();
        await store.put(given, streamOf(bytesOf(600_000)));

        expect(await store.delete('w1', given.mediaId)).toBe(true);

        expect(await store.stat('w1', given.mediaId)).toBeNull();
        expect(await store.get('w1', given.mediaId)).toBeNull();
        expect(await store.delete('w1', given.mediaId)).toBe(false);
        expect(await under.storedObjects()).toBe(0);
      });
    });

    describe('workspaces', () => {
      it('never shows a file to another workspace', async () => {
        const given = media({ workspaceId: 'w1', conversationId: 'shared-id' });
        await store.put(given, streamOf(bytesOf(1000)));

        expect(await store.stat('w2', given.mediaId)).toBeNull();
        expect(await store.get('w2', given.mediaId, { start: 0 })).toBeNull();
        expect(await store.delete('w2', given.mediaId)).toBe(false);
        expect(
          await store.list({ workspaceId: 'w2', conversationId: 'shared-id', limit: 10 }),
        ).toEqual([]);
        const error = await rejectionOf(
          store.put({ ...given, workspaceId: 'w2' }, streamOf(bytesOf(10))),
        );
        expect(error).toBeInstanceOf(MediaIdTaken);
        expect(await store.stat('w1', given.mediaId)).not.toBeNull();
      });
    });

    describe('the Media tab list', () => {
      const put = async (kind: MediaKind, createdAt: string, conversationId = 'w1:c1') =>
        (await store.put(media({ kind, createdAt, conversationId }), streamOf(bytesOf(10))))
          .mediaId;

      it('lists a conversation newest first, by kind, page by page', async () => {
        const photo = await put('photo', '2026-12-01T10:00:00.000Z');
        const voice = await put('voice', '2026-12-01T12:00:00.000Z');
        const document = await put('document', '2026-12-01T11:00:00.000Z');
        const videoNote = await put('video_note', '2026-12-01T12:00:00.000Z');
        await put('photo', '2026-12-01T13:00:00.000Z', 'w1:c2');
        const sameTime = [voice, videoNote].sort().reverse();

        const all = await store.list({ workspaceId: 'w1', conversationId: 'w1:c1', limit: 10 });
        expect(all.map((m) => m.mediaId)).toEqual([...sameTime, document, photo]);

        const firstPage = await store.list({
          workspaceId: 'w1',
          conversationId: 'w1:c1',
          limit: 1,
        });
        const last = firstPage[0]!;
        const nextPage = await store.list({
          workspaceId: 'w1',
          conversationId: 'w1:c1',
          limit: 2,
          before: { createdAt: last.createdAt, mediaId: last.mediaId },
        });
        expect(nextPage.map((m) => m.mediaId)).toEqual([sameTime[1], document]);

        const someKinds = await store.list({
          workspaceId: 'w1',
          conversationId: 'w1:c1',
          kinds: ['photo', 'document'],
          limit: 10,
        });
        expect(someKinds.map((m) => m.mediaId)).toEqual([document, photo]);
      });
    });

    it('answers its health check', async () => {
      await expect(store.check()).resolves.toBeUndefined();
    });
  });
};
