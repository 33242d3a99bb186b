/**
 * A task's due time (R4): an ISO 8601 date and time with its UTC offset
 * (`2026-12-03T10:00:00+03:00`) and the IANA time zone it was chosen in (`Europe/Moscow`), so the
 * instant is exact and the web app can show it as the manager meant it.
 */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `timeZone` is an IANA time zone name this runtime knows (checked with Intl). */
export const isKnownTimeZone = (timeZone: string): boolean => {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** Why `dueAt` is not an ISO 8601 date and time with an offset, or null when it is. */
export const dueAtProblem = (dueAt: string): string | null => {
  const match = ISO_WITH_OFFSET.exec(dueAt);
  if (!match)
    return 'must be an ISO 8601 date and time with an offset, like 2026-12-03T10:00:00+03:00';
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const calendar = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0));
  if (
    calendar.getUTCFullYear() !== y ||
    calendar.getUTCMonth() !== mo! - 1 ||
    calendar.getUTCDate() !== d ||
    calendar.getUTCHours() !== h ||
    calendar.getUTCMinutes() !== mi
  ) {
    return 'is not a date and time that exists';
  }
  return null;
};

/** The UTC offset of `timeZone` at `instant`, as `+03:00` (`Z` is written `+00:00`). */
export const offsetIn = (timeZone: string, instant: Date): string => {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part?.replace(/^GMT/, '') ?? '';
  return offset === '' ? '+00:00' : offset;
};

/** The offset written in an ISO date and time (`Z` as `+00:00`). */
const writtenOffset = (dueAt: string): string => {
  const offset = ISO_WITH_OFFSET.exec(dueAt)?.[8] ?? '';
  return offset === 'Z' ? '+00:00' : offset;
};

/**
 * Why a due time and its time zone do not go together, or null when they do: a bad time, an
 * unknown zone, or an offset the zone does not have at that instant.
 */
export const dueTimeProblem = (
  dueAt: string,
  timeZone: string,
): { readonly field: 'dueAt' | 'timeZone'; readonly reason: string } | null => {
  const timeProblem = dueAtProblem(dueAt);
  if (timeProblem) return { field: 'dueAt', reason: `dueAt ${timeProblem}` };
  if (!isKnownTimeZone(timeZone)) {
    return { field: 'timeZone', reason: `timeZone "${timeZone}" is not an IANA time zone name` };
  }
  const expected = offsetIn(timeZone, new Date(dueAt));
  const written = writtenOffset(dueAt);
  if (expected !== written) {
    return {
      field: 'dueAt',
      reason: `dueAt has offset ${written}, but ${timeZone} is at ${expected} on that date`,
    };
  }
  return null;
};
