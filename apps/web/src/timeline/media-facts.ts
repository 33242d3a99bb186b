import type {
  MediaContent,
  MediaItem,
  MediaLink,
  StickerContent,
  TimelineMedia,
} from '@parley/contracts';
import type { Translate } from '../i18n/translate';

/** `m:ss` (or `h:mm:ss`) of a duration in seconds: "0:12", as the chat list's previews say it. */
export const formatDuration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
};

/** "980 B", "96 KB", "4.0 MB": a file's size for a manager. */
export const formatFileSize = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
};

/**
 * What a media tile says about a file before the media store shows it: its kind (a sticker's
 * format), name, size and duration, in the manager's language; the parts Telegram gave.
 */
export const mediaFacts = (
  content: MediaContent | StickerContent,
  t: Translate,
): { readonly label: string; readonly details: readonly string[] } => {
  const label =
    content.kind === 'sticker'
      ? t(`content.sticker.${content.stickerFormat}`)
      : t(`content.kind.${content.kind}`);
  const { file } = content;
  const details = [
    content.kind === 'sticker' ? content.emoji : null,
    file.fileName,
    file.duration === null ? null : formatDuration(file.duration),
    file.fileSize === null ? null : formatFileSize(file.fileSize),
  ].filter((part): part is string => part !== null && part !== '');
  return { label, details };
};

/** What the timeline says instead of a file that could not be fetched (issue 9). */
export const mediaFailureText = (
  content: MediaContent | StickerContent,
  failure: Extract<TimelineMedia, { status: 'failed' }>,
  t: Translate,
): string => {
  if (failure.reason === 'unavailable') return t('media.unavailable');
  const size = failure.fileSize ?? content.file.fileSize;
  return t('media.tooLargeToFetch', {
    name: failure.fileName ?? content.file.fileName ?? t('media.tooLargeToFetch.unnamed'),
    size: size === null ? '?' : formatFileSize(size),
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
  fileName: message.content.file.fileName ?? mediaFacts(message.content, t).label,
  createdAt: message.at,
  url: link.url,
  urlExpiresAt: link.expiresAt,
});
