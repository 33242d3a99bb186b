import { createHmac, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { MediaItem, MediaLink, Page } from '@parley/contracts';
import {
  createFileSystemMediaStore,
  type MediaStore,
  type MediaToStore,
} from '@parley/media-store';
import { startTestGateway, TEST_SECRET, type TestGateway } from '../testing/test-gateway';
import { MEDIA_LINK_WINDOW_SECONDS } from './media-links';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const VOICE = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60_000, 3)]);
const DOCUMENT = Buffer.from('a plain text document, no magic number\n'.repeat(100));

const CHAT = 'ws1:tg:1:100';

describe('media routes', () => {
  let directory: string;
  let store: MediaStore;
  let gateway: TestGateway;
  let token: string;
  let userId: string;
  const ids = {
    sticker: randomUUID(),
    photo: randomUUID(),
    voice: randomUUID(),
    document: randomUUID(),
    other: randomUUID(),
  };

  const put = (
    given: Partial<MediaToStore> & Pick<MediaToStore, 'mediaId' | 'kind'>,
    bytes: Buffer,
  ) =>
    store.put(
      {
        workspaceId: 'ws1',
        conversationId: CHAT,
        declaredContentType: null,
        fileName: null,
        createdAt: '2026-12-01T10:00:00.000Z',
        ...given,
      },
      Readable.from([bytes]),
    );

  const fetchMedia = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${url}`, { headers });

  const list = async (query = ''): Promise<{ status: number; body: Page<MediaItem> }> => {
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/media${query}`, { token });
    return { status, body: body as Page<MediaItem> };
  };

  const photoUrl = async (): Promise<string> =>
    (await list()).body.items.find((item) => item.mediaId === ids.photo)!.url;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'parley-media-routes-'));
    store = await createFileSystemMediaStore({ directory, maxBytes: 10_000_000 });
    gateway = await startTestGateway({ module: { mediaStore: store } });
    await gateway.readStore
      .collection('chats')
      .replaceOne({ _id: CHAT }, { _id: CHAT, workspaceId: 'ws1' }, { upsert: true });
    const signedIn = await gateway.signIn();
    token = signedIn.accessToken;
    userId = signedIn.user.id;
    await put(
      {
        mediaId: ids.photo,
        kind: 'photo',
        declaredContentType: 'text/plain',
        createdAt: '2026-12-01T10:00:00.000Z',
      },
      PNG,
    );
    await put(
      {
        mediaId: ids.voice,
        kind: 'voice',
        declaredContentType: 'audio/ogg',
        createdAt: '2026-12-01T12:00:00.000Z',
      },
      VOICE,
    );
    await put(
      {
        mediaId: ids.document,
        kind: 'document',
        declaredContentType: 'text/plain',
        fileName: '../Отчёт "Q4".txt',
        createdAt: '2026-12-01T11:00:00.000Z',
      },
      DOCUMENT,
    );
    await put(
      { mediaId: ids.sticker, kind: 'sticker', createdAt: '2026-12-01T13:00:00.000Z' },
      PNG,
    );
    await put(
      { mediaId: ids.other, kind: 'photo', workspaceId: 'ws2', conversationId: 'ws2:tg:1:1' },
      PNG,
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await store?.close();
    await rm(directory, { recursive: true, force: true });
  });

  describe('GET /api/chats/:conversationId/media', () => {
    it('lists the Media tab kinds of the conversation newest first, each with a signed URL', async () => {
      const { status, body } = await list();
      expect(status).toBe(200);
      expect(body.items.map((item) => [item.kind, item.mediaId])).toEqual([
        ['voice', ids.voice],
        ['document', ids.document],
        ['photo', ids.photo],
      ]);
      expect(body.nextCursor).toBeNull();
      const photo = body.items[2]!;
      expect(photo).toMatchObject({
        contentType: 'image/png',
        contentTypeSource: 'detected',
        size: PNG.length,
        fileName: `photo-${ids.photo.slice(0, 8)}.png`,
        createdAt: '2026-12-01T10:00:00.000Z',
      });
      expect(photo.url).toMatch(
        new RegExp(`^/api/media/${ids.photo}\\?u=.+&exp=\\d+&sig=[\\w-]{43}$`),
      );
      expect(Date.parse(photo.urlExpiresAt) - Date.now()).toBeGreaterThan(
        MEDIA_LINK_WINDOW_SECONDS * 1000 - 5_000,
      );
    });

    it('filters by kind and pages with the cursor', async () => {
      const kinds = await list('?kind=photo,document');
      expect(kinds.body.items.map((item) => item.mediaId)).toEqual([ids.document, ids.photo]);
      const stickers = await list('?kind=sticker');
      expect(stickers.body.items.map((item) => item.mediaId)).toEqual([ids.sticker]);

      const first = await list('?limit=2');
      expect(first.body.items.map((item) => item.mediaId)).toEqual([ids.voice, ids.document]);
      const second = await list(`?limit=2&before=${first.body.nextCursor}`);
      expect(second.body.items.map((item) => item.mediaId)).toEqual([ids.photo]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('refuses an unknown kind or cursor, a chat the user does not see, and no sign-in', async () => {
      expect((await list('?kind=photo,gif')).status).toBe(400);
      expect((await list('?before=nonsense')).status).toBe(400);
      expect((await gateway.call('/api/chats/ws2:tg:1:1/media', { token })).status).toBe(404);
      expect((await gateway.call(`/api/chats/${CHAT}/media`)).status).toBe(401);
    });
  });

  describe('GET /api/media/:mediaId', () => {
    it('serves a signed URL without the Authorization header, typed by its bytes', async () => {
      const response = await fetchMedia(await photoUrl());
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'image/png',
        'content-length': String(PNG.length),
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="photo-${ids.photo.slice(0, 8)}.png"; filename*=UTF-8''photo-${ids.photo.slice(0, 8)}.png`,
        'cache-control': 'private, max-age=86400, immutable',
        etag: `"${ids.photo}"`,
        'accept-ranges': 'bytes',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    });

    it('offers a document for download under its sanitised name', async () => {
      const response = await fetchMedia(`/api/media/${ids.document}`, {
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="_____ Q4.txt"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20Q4.txt`,
      );
    });

    it('serves ranges: first bytes, middle, suffix, an end past the file; 416 past the end', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const url = `/api/media/${ids.voice}`;
      const size = VOICE.length;
      const cases: [string, number, number][] = [
        ['bytes=0-3', 0, 3],
        ['bytes=30000-30009', 30000, 30009],
        ['bytes=-10', size - 10, size - 1],
        [`bytes=${size - 5}-${size + 100}`, size - 5, size - 1],
      ];
      for (const [range, start, end] of cases) {
        const response = await fetchMedia(url, { ...auth, range });
        expect(response.status).toBe(206);
        expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
        expect(response.headers.get('content-length')).toBe(String(end - start + 1));
        const body = Buffer.from(await response.arrayBuffer());
        expect(body.equals(VOICE.subarray(start, end + 1))).toBe(true);
      }

      const beyond = await fetchMedia(url, { ...auth, range: `bytes=${size}-` });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);

      const several = await fetchMedia(url, { ...auth, range: 'bytes=0-1,5-9' });
      expect(several.status).toBe(200);
      expect((await several.arrayBuffer()).byteLength).toBe(size);

      const stale = await fetchMedia(url, { ...auth, range: 'bytes=0-3', 'if-range': '"other"' });
      expect(stale.status).toBe(200);
      await stale.arrayBuffer();
    });

    it('answers HEAD with the headers and no body', async () => {
      const response = await fetch(`${gateway.url}/api/media/${ids.voice}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe(String(VOICE.length));
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    });

    it('answers a cached copy with 304', async () => {
      const response = await fetchMedia(await photoUrl(), { 'if-none-match': `"${ids.photo}"` });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(`"${ids.photo}"`);
    });

    it('refuses a request without a valid credential', async () => {
      const url = await photoUrl();
      expect((await fetchMedia(`/api/media/${ids.photo}`)).status).toBe(401);
      expect((await fetchMedia(url.replace(/sig=[\w-]+/, `sig=${'A'.repeat(43)}`))).status).toBe(
        401,
      );
      expect((await fetchMedia(url.replace(ids.photo, ids.voice))).status).toBe(401);
      expect(
        (await fetchMedia(`/api/media/${ids.photo}`, { authorization: 'Bearer nope' })).status,
      ).toBe(401);

      // A correctly signed link whose time is up.
      const key = createHmac('sha256', TEST_SECRET).update('parley media links v1').digest();
      const exp = Math.floor(Date.now() / 1000) - 1;
      const sig = createHmac('sha256', key)
        .update(`${ids.photo}\n${userId}\n${exp}`)
        .digest('base64url');
      const expired = `/api/media/${ids.photo}?u=${encodeURIComponent(userId)}&exp=${exp}&sig=${sig}`;
      expect((await fetchMedia(expired)).status).toBe(401);
      const stillValid = expired.replace(`exp=${exp}`, `exp=${exp + 600}`).replace(
        `sig=${sig}`,
        `sig=${createHmac('sha256', key)
          .update(`${ids.photo}\n${userId}\n${exp + 600}`)
          .digest('base64url')}`,
      );
      expect((await fetchMedia(stillValid)).status).toBe(200);
    });

    it('answers 404 for a file of another workspace, an unknown id, or a path', async () => {
      const auth = { authorization: `Bearer ${token}` };
      expect((await fetchMedia(`/api/media/${ids.other}`, auth)).status).toBe(404);
      expect((await fetchMedia(`/api/media/${randomUUID()}`, auth)).status).toBe(404);
      expect((await fetchMedia('/api/media/..%2F..%2Fauth-secret', auth)).status).toBe(404);
      expect((await gateway.call(`/api/media/${ids.other}/link`, { token })).status).toBe(404);
    });
  });

  describe('GET /api/media/:mediaId/link', () => {
    it('signs a URL for a file of a conversation the user sees', async () => {
      const { status, body } = await gateway.call(`/api/media/${ids.voice}/link`, { token });
      expect(status).toBe(200);
      const link = body as MediaLink;
      const response = await fetchMedia(link.url, { range: 'bytes=0-3' });
      expect(response.status).toBe(206);
      expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('OggS');
    });
  });
});

describe('media routes without a media store', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('answer 503: this process keeps no media', async () => {
    const { accessToken } = await gateway.signIn();
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/media`, {
      token: accessToken,
    });
    expect(status).toBe(503);
    expect(body).toMatchObject({ message: 'this process keeps no media store' });
    const served = await fetch(`${gateway.url}/api/media/${randomUUID()}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(served.status).toBe(503);
  });
});
