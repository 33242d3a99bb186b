import type { MediaContent } from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import { mediaFacts, mediaFailureText, mediaItemOfMessage } from './media-facts';

const file = {
  fileId: 'f',
  fileUniqueId: 'u',
  fileSize: 24_000,
  mimeType: 'audio/ogg',
  fileName: null,
  width: null,
  height: null,
  duration: 12,
};

describe('media tile facts', () => {
  it('given a voice message, then its kind, duration and size, in the manager’s language', () => {
    const voice: MediaContent = { kind: 'voice', file, caption: null };
    expect(mediaFacts(voice, translatorFor('en'), 'en')).toEqual({
      label: 'Voice message',
      details: ['0:12', '23\u00a0KB'],
    });
    expect(mediaFacts(voice, translatorFor('ru'), 'ru')).toEqual({
      label: 'Голосовое сообщение',
      details: ['0:12', '23\u00a0КБ'],
    });
  });

  it('given a document, then its name before its size; a video sticker says it is one', () => {
    const document: MediaContent = {
      kind: 'document',
      file: { ...file, fileName: 'contract.pdf', duration: null },
      caption: null,
    };
    expect(mediaFacts(document, translatorFor('en'), 'en').details).toEqual([
      'contract.pdf',
      '23\u00a0KB',
    ]);
    const sticker = {
      kind: 'sticker',
      file: { ...file, duration: null, fileSize: null },
      stickerFormat: 'video',
      emoji: '🔥',
    } as const;
    expect(mediaFacts(sticker, translatorFor('en'), 'en')).toEqual({
      label: 'Video sticker',
      details: ['🔥'],
    });
  });
});

describe('a timeline message’s file', () => {
  const en = translatorFor('en');
  const video: MediaContent = {
    kind: 'video',
    file: { ...file, fileName: 'holiday.mp4', fileSize: 31_000_000 },
    caption: null,
  };

  it('given a file too large to fetch, then it says so with its name and size, in the manager’s language', () => {
    const failure = {
      status: 'failed',
      reason: 'too_large',
      fileName: 'holiday.mp4',
      fileSize: 31_000_000,
    } as const;
    expect(mediaFailureText(video, failure, en, 'en')).toBe(
      'Too large to fetch (holiday.mp4, 30\u00a0MB): open it in Telegram',
    );
    expect(mediaFailureText(video, failure, translatorFor('ru'), 'ru')).toContain(
      'holiday.mp4, 30\u00a0МБ',
    );
    expect(
      mediaFailureText(
        { kind: 'voice', file, caption: null },
        { ...failure, fileName: null, fileSize: null },
        en,
        'en',
      ),
    ).toBe('Too large to fetch (file, 23\u00a0KB): open it in Telegram');
    expect(mediaFailureText(video, { ...failure, reason: 'unavailable' }, en, 'en')).toBe(
      'The file could not be fetched from Telegram',
    );
  });

  it('given a fetched file and its link, then the tile shows the stored type and size under Telegram’s name, else the kind', () => {
    const fetched = {
      status: 'fetched',
      mediaId: 'md1',
      contentType: 'video/mp4',
      size: 4_200_000,
    } as const;
    const link = { url: '/api/media/md1?sig=x', expiresAt: '2026-12-02T18:00:00.000Z' };
    const message = { conversationId: 'c1', at: '2026-12-02T17:00:00.000Z', content: video };
    expect(mediaItemOfMessage(message, fetched, link, en)).toEqual({
      mediaId: 'md1',
      conversationId: 'c1',
      kind: 'video',
      contentType: 'video/mp4',
      contentTypeSource: 'detected',
      size: 4_200_000,
      fileName: 'holiday.mp4',
      createdAt: '2026-12-02T17:00:00.000Z',
      url: link.url,
      urlExpiresAt: link.expiresAt,
    });
    const voice = { ...message, content: { kind: 'voice', file, caption: null } as const };
    expect(mediaItemOfMessage(voice, fetched, link, en).fileName).toBe('Voice message');
  });
});
