import type { MediaItem, MediaKind } from '@parley/contracts';
import { appendPage, downloadUrl, formatFileSize, groupByKind, linkExpired } from './media-grid';

const item = (mediaId: string, kind: MediaKind, createdAt: string): MediaItem => ({
  mediaId,
  conversationId: 'ws1:tg:1:1',
  kind,
  contentType: 'application/octet-stream',
  contentTypeSource: 'unknown',
  size: 10,
  fileName: `${mediaId}.bin`,
  createdAt,
  url: `/api/media/${mediaId}?u=u1&exp=1&sig=s`,
  urlExpiresAt: '2026-12-02T12:30:00.000Z',
});

describe('groupByKind', () => {
  it('groups by kind in a fixed order, newest first, leaving out empty kinds', () => {
    const items = [
      item('d1', 'document', '2026-12-01T10:00:00Z'),
      item('p1', 'photo', '2026-12-01T09:00:00Z'),
      item('v1', 'voice', '2026-12-01T11:00:00Z'),
      item('p2', 'photo', '2026-12-01T12:00:00Z'),
      item('n1', 'video_note', '2026-12-01T08:00:00Z'),
    ];
    expect(groupByKind(items).map((g) => [g.kind, g.items.map((i) => i.mediaId)])).toEqual([
      ['photo', ['p2', 'p1']],
      ['video_note', ['n1']],
      ['voice', ['v1']],
      ['document', ['d1']],
    ]);
  });

  it('shows nothing for no files', () => {
    expect(groupByKind([])).toEqual([]);
  });
});

describe('appendPage', () => {
  it('adds a page and keeps each file once', () => {
    const a = item('a', 'photo', '2026-12-01T10:00:00Z');
    const b = item('b', 'photo', '2026-12-01T09:00:00Z');
    expect(appendPage([a], [a, b]).map((i) => i.mediaId)).toEqual(['a', 'b']);
  });
});

describe('formatFileSize', () => {
  it.each([
    [532, 'en', '532\u00a0B'],
    [1536, 'en', '1.5\u00a0KB'],
    [1_468_006, 'en', '1.4\u00a0MB'],
    [1_468_006, 'ru', '1,4\u00a0МБ'],
    [52_428_800, 'en', '50\u00a0MB'],
  ] as const)('%d bytes in %s is %s', (bytes, language, expected) => {
    expect(formatFileSize(bytes, language)).toBe(expected);
  });
});

describe('linkExpired', () => {
  it('asks for fresh links a minute before they stop working', () => {
    const shown = item('a', 'photo', '2026-12-01T10:00:00Z');
    expect(linkExpired(shown, new Date('2026-12-02T12:28:00Z'))).toBe(false);
    expect(linkExpired(shown, new Date('2026-12-02T12:29:30Z'))).toBe(true);
  });
});

describe('downloadUrl', () => {
  it('asks the gateway for an attachment', () => {
    expect(downloadUrl('/api/media/a?u=1')).toBe('/api/media/a?u=1&download=1');
  });
});
