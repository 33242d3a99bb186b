/**
 * The filter bar's date fields hold calendar days in the manager's time zone; the filters hold
 * ISO date-times, `from` inclusive and `to` exclusive, so "to 5 March" takes in all of 5 March.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

const localDay = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

const startOfDay = (day: string, plusDays: number): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** `from` for a day field (`YYYY-MM-DD`): that day's first instant; blank or bad: none. */
export const fromForDay = (day: string): string | undefined => startOfDay(day, 0);

/** `to` for a day field: the next day's first instant (exclusive), so the day is included. */
export const toForDay = (day: string): string | undefined => startOfDay(day, 1);

/** The day field showing a `from`. */
export const dayOfFrom = (from: string | undefined): string =>
  from === undefined || Number.isNaN(Date.parse(from)) ? '' : localDay(new Date(from));

/** The day field showing a `to`: the day before the exclusive bound. */
export const dayOfTo = (to: string | undefined): string => {
  if (to === undefined || Number.isNaN(Date.parse(to))) return '';
  const date = new Date(to);
  return localDay(new Date(date.getFullYear(), date.getMonth(), date.getDate() - 1));
};
