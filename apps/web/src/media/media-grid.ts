import type { MediaItem, MediaTabKind } from '@parley/contracts';
import { localeOf, type Language } from '../i18n/translate';

/**
 * The tab's kinds in its order (MEDIA_TAB_KINDS; the web app imports only types from contracts):
 * a Record, so a new tab kind breaks the build here.
 */
const KIND_ORDER: Readonly<Record<MediaTabKind, number>> = {
  photo: 0,
  video: 1,
  video_note: 2,
  voice: 3,
  audio: 4,
  document: 5,
};

export const MEDIA_TAB_KINDS = (Object.keys(KIND_ORDER) as MediaTabKind[]).sort(
  (a, b) => KIND_ORDER[a] - KIND_ORDER[b],
);

export interface MediaGroup {
  readonly kind: MediaTabKind;
  readonly items: readonly MediaItem[];
}

/**
 * The Media tab's grid (C6): one group per kind in a fixed order (photos, videos, video notes,
 * voice, audio, documents), each newest first; kinds without files, and files of kinds the tab
 * does not show (animations, stickers), are left out.
 */
export const groupByKind = (items: readonly MediaItem[]): MediaGroup[] =>
  MEDIA_TAB_KINDS.map((kind) => ({
    kind,
    items: items
      .filter((item) => item.kind === kind)
      .sort((a, b) =>
        a.createdAt === b.createdAt
          ? b.mediaId.localeCompare(a.mediaId)
          : b.createdAt.localeCompare(a.createdAt),
      ),
  })).filter((group) => group.items.length > 0);

/** Pages appended as they load, each file once (a page may repeat one after a new file arrives). */
export const appendPage = (
  shown: readonly MediaItem[],
  page: readonly MediaItem[],
): MediaItem[] => {
  const seen = new Set(shown.map((item) => item.mediaId));
  return [...shown, ...page.filter((item) => !seen.has(item.mediaId))];
};

const UNITS = { en: ['B', 'KB', 'MB', 'GB'], ru: ['Б', 'КБ', 'МБ', 'ГБ'] } as const;

/** `532 B`, `1.4 MB` (`1,4 МБ` in Russian): 1 KB = 1024 bytes, one decimal under 10. */
export const formatFileSize = (bytes: number, language: Language): string => {
  const units = UNITS[language];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(localeOf(language), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
  return `${number}\u00a0${units[unit]}`;
};

/** A signed URL is about to stop working (a minute's margin): ask for fresh ones. */
export const linkExpired = (item: Pick<MediaItem, 'urlExpiresAt'>, now: Date): boolean =>
  Date.parse(item.urlExpiresAt) - now.getTime() < 60_000;

/** The same URL as a download (the gateway then answers `Content-Disposition: attachment`). */
export const downloadUrl = (url: string): string =>
  `${url}${url.includes('?') ? '&' : '?'}download=1`;
