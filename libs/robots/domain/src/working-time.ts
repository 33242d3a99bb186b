/** `HH:MM`, 24 hours. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The weekday (1 = Monday … 7 = Sunday) and minutes since midnight at `at` in `timeZone`. */
export const localTime = (
  at: Date,
  timeZone: string,
): { readonly weekday: number; readonly minutes: number } => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return { weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
};

const minutesOf = (clock: string): number => {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
};

/**
 * Whether `at`, in `timeZone`, is on one of `weekdays` and within `from`..`to` (from included,
 * to excluded). When `to` is before `from` the window spans midnight, and its hours after
 * midnight belong to the weekday it started on (Friday 22:00–02:00 includes Saturday 01:00).
 */
export const withinWorkingTime = (
  at: Date,
  timeZone: string,
  window: { readonly from: string; readonly to: string; readonly weekdays: readonly number[] },
): boolean => {
  const { weekday, minutes } = localTime(at, timeZone);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from <= to) return window.weekdays.includes(weekday) && minutes >= from && minutes < to;
  const previousDay = weekday === 1 ? 7 : weekday - 1;
  return (
    (window.weekdays.includes(weekday) && minutes >= from) ||
    (window.weekdays.includes(previousDay) && minutes < to)
  );
};
