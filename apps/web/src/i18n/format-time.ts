import { localeOf, type Language } from './translate';

const sameLocalDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate();

const pad = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM` in local time, 24-hour, for both languages. */
export const formatClockTime = (at: Date): string =>
  `${pad(at.getHours())}:${pad(at.getMinutes())}`;

/**
 * The time of a chat's last message in the list (L1): `HH:MM` when it is today, else the date
 * (`12 Mar` this year, `12.03.2025` in an earlier year; Russian and English month names).
 */
export const formatChatTime = (iso: string, now: Date, language: Language): string => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  if (sameLocalDay(at, now)) return formatClockTime(at);
  if (at.getFullYear() === now.getFullYear()) {
    return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short' }).format(
      at,
    );
  }
  return `${pad(at.getDate())}.${pad(at.getMonth() + 1)}.${at.getFullYear()}`;
};

/** A full date and time for cards and tooltips: `12 Mar 2026, 14:05`. */
export const formatDateTime = (iso: string, language: Language): string => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const date = new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
  return `${date}, ${formatClockTime(at)}`;
};
