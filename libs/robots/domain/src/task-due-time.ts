import { offsetIn } from '@parley/contracts';

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** `+03:00` → 180, `-05:30` → -330 (minutes east of UTC). */
const offsetMinutes = (offset: string): number => {
  const match = OFFSET.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
};

/**
 * The due time of a robot's task (R4): `dueInMinutes` after the run, written as the CreateTask
 * DTO takes it, an ISO 8601 date and time with the offset `timeZone` has at that instant
 * (`2026-12-03T10:00:00.000+03:00`), so it goes with `timeZone` (dueTimeProblem).
 */
export const taskDueAt = (ranAt: string, dueInMinutes: number, timeZone: string): string => {
  const due = new Date(Date.parse(ranAt) + dueInMinutes * 60_000);
  const offset = offsetIn(timeZone, due);
  const local = new Date(due.getTime() + offsetMinutes(offset) * 60_000);
  return `${local.toISOString().slice(0, -1)}${offset}`;
};
