import type {
  MediaContent,
  MediaItem,
  MediaLink,
  StickerContent,
  TimelineMedia,
} from '@parley/contracts';
import type { Language, Translate } from '../i18n/translate';
import { formatFileSize } from '../media/media-grid';

/** `m:ss` (or `h:mm:ss`) of a duration in seconds: "0:12", as the chat list's previews say it. */
export const formatDuration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
};

/** A file's kind for a manager: "Voice message", "Video sticker". */
const mediaKindLabel = (content: MediaContent | StickerContent, t: Translate): string =>
  content.kind === 'sticker'
    ? t(`content.sticker.${content.stickerFormat}`)
    : t(`content.kind.${content.kind}`);

/**
 * What a media tile says about a file before the media store shows it: its kind (a sticker's
 * format), name, size and duration, in the manager's language; the parts Telegram gave.
 */
export const mediaFacts = (
  content: MediaContent | StickerContent,
  t: Translate,
  language: Language,
): { readonly label: string; readonly details: readonly string[] } => {
  const label = mediaKindLabel(content, t);
  const { file } = content;
  const details = [
    content.kind === 'sticker' ? content.emoji : null,
    file.fileName,
    file.duration === null ? null : formatDuration(file.duration),
    file.fileSize === null ? null : formatFileSize(file.fileSize, language),
  ].filter((part): part is string => part !== null && part !== '');
  return { label, details };
};

/** What the timeline says instead of a file that could not be fetched (issue 9). */
export const mediaFailureText = (
  content: MediaContent | StickerContent,
  failure: Extract<TimelineMedia, { status: 'failed' }>,
  t: Translate,
  language: Language,
): string => {
  if (failure.reason === 'unavailable') return t('media.unavailable');
  const size = failure.fileSize ?? content.file.fileSize;
  return t('media.tooLargeToFetch', {
    name: failure.fileName ?? content.file.fileName ?? t('media.tooLargeToFetch.unnamed'),
    size: size === null ? '?' : formatFileSize(size, language),
  });
};

/**
 * A fetched file of a timeline message as the media tile shows it (the Media tab's item): the
 * store's type and size, Telegram's name for it (else the kind's name), the message's time,
 * and the signed link.
 */
export const mediaItemOfMessage = (
  message: {
    readonly conversationId: string;
    readonly at: string;
    readonly content: MediaContent | StickerContent;
  },
  media: Extract<TimelineMedia, { status: 'fetched' }>,
  link: MediaLink,
  t: Translate,
): MediaItem => ({
  mediaId: media.mediaId,
  conversationId: message.conversationId,
  kind: message.content.kind,
  contentType: media.contentType,
  contentTypeSource: 'detected',
  size: media.size,
  fileName: message.content.file.fileName ?? mediaKindLabel(message.content, t),
  createdAt: message.at,
  url: link.url,
  urlExpiresAt: link.expiresAt,
});
