import {
  ATTACHMENT_CONTENT_TYPES as CONTRACT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES as CONTRACT_MAX_BYTES,
  CAPTION_MAX_LENGTH as CONTRACT_CAPTION_MAX_LENGTH,
} from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentKindFor,
  attachmentSizeProblem,
  CAPTION_MAX_LENGTH,
  PHOTO_CONTENT_TYPES,
  uploadPercent,
  VIDEO_CONTENT_TYPES,
} from './attachment-rules';

const MB = 1024 * 1024;

describe('the kind a chosen file is sent as', () => {
  it.each([
    ['image/jpeg', 2 * MB, 'photo'],
    ['image/png', 10 * MB, 'photo'],
    ['image/webp', 1000, 'photo'],
    ['IMAGE/JPEG', 1000, 'photo'],
    ['image/jpeg', 10 * MB + 1, 'document'],
    ['image/gif', 1000, 'document'],
    ['video/mp4', 50 * MB, 'video'],
    ['video/mp4', 50 * MB + 1, 'document'],
    ['video/quicktime', 1000, 'document'],
    ['application/pdf', 1000, 'document'],
    ['', 1000, 'document'],
  ] as const)('%s of %d bytes is a %s', (type, size, kind) => {
    expect(attachmentKindFor({ type, size })).toBe(kind);
  });
});

describe('a file too large to send', () => {
  const en = translatorFor('en');

  it('given a file over the document limit, then it is refused before uploading, with the limit', () => {
    expect(attachmentSizeProblem({ name: 'film.mov', size: 60 * MB }, en, 'en')).toBe(
      'film.mov is 60\u00a0MB: files over 50\u00a0MB cannot be sent',
    );
    expect(
      attachmentSizeProblem({ name: 'film.mov', size: 60 * MB }, translatorFor('ru'), 'ru'),
    ).toContain('50\u00a0МБ');
  });

  it('given a file up to the limit, then nothing stops it', () => {
    expect(attachmentSizeProblem({ name: 'a.pdf', size: 50 * MB }, en, 'en')).toBeNull();
  });
});

describe('upload progress', () => {
  it('is whole percent, 0 while the size is unknown', () => {
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(1, 3)).toBe(33);
    expect(uploadPercent(3, 3)).toBe(100);
    expect(uploadPercent(4, 3)).toBe(100);
  });
});

describe('the mirrored contract limits', () => {
  it('are the contracts’ own', () => {
    expect(ATTACHMENT_MAX_BYTES).toEqual(CONTRACT_MAX_BYTES);
    expect(PHOTO_CONTENT_TYPES).toEqual(CONTRACT_CONTENT_TYPES.photo);
    expect(VIDEO_CONTENT_TYPES).toEqual(CONTRACT_CONTENT_TYPES.video);
    expect(CAPTION_MAX_LENGTH).toBe(CONTRACT_CAPTION_MAX_LENGTH);
  });
});
