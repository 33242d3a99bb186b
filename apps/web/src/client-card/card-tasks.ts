import type { TaskOnCard } from '@parley/contracts';

/**
 * An open task whose due time has passed (R4). The same rule as `isTaskOverdue` in
 * @parley/contracts, which the web app cannot import without the server's validators.
 */
export const isTaskOverdue = (task: Pick<TaskOnCard, 'status' | 'dueAt'>, now: Date): boolean =>
  task.status === 'open' && Date.parse(task.dueAt) <= now.getTime();

/** The card's tasks as the panel lists them: open ones soonest due first, then done ones. */
export const tasksInOrder = (
  tasks: Readonly<Record<string, TaskOnCard>> | undefined,
): readonly TaskOnCard[] =>
  Object.values(tasks ?? {}).sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) ||
      Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
      a.taskId.localeCompare(b.taskId),
  );

const pad = (n: number): string => String(n).padStart(2, '0');

const wallClock = (timeZone: string, instant: number) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** Minutes `timeZone` is ahead of UTC at `instant`. */
const offsetMinutes = (timeZone: string, instant: number): number => {
  const w = wallClock(timeZone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
};

const writeOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A due time as the gateway takes it: the date and time a manager picked (a datetime-local value,
 * `2026-12-03T10:00`) in `timeZone`, written with that zone's offset then
 * (`2026-12-03T10:00:00+03:00`); null when the value is not a date and time.
 */
export const dueAtIn = (local: string, timeZone: string): string | null => {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  // The offset near the wall time, then at the instant it gives (right across a DST change).
  const guess = wall - offsetMinutes(timeZone, wall) * 60_000;
  const offset = offsetMinutes(timeZone, guess);
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${writeOffset(offset)}`;
};

/** An instant as a datetime-local value in `timeZone` (`2026-12-03T10:00`), to edit it. */
export const localDateTimeIn = (iso: string, timeZone: string): string => {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const w = wallClock(timeZone, at);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
};

/** The browser's IANA time zone: the zone a manager picks due times in. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
