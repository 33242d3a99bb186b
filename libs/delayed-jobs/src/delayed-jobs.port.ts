/** A job to run at a due time: what `schedule` takes. */
export interface JobToSchedule<P> {
  /** Unique per job; see `jobId`. No ':' (BullMQ refuses it in custom ids), not an integer. */
  readonly id: string;
  /** When it is due: a Date, or an ISO 8601 string (kept as written in the `DueJob`). */
  readonly dueAt: string | Date;
  /** JSON data: it may be stored outside the process and comes back as parsed JSON. */
  readonly payload: P;
}

/** A job whose due time has come, as `onDue` receives it. */
export interface DueJob<P> {
  readonly id: string;
  /** The due time as scheduled: the string given, or the Date as an ISO string. */
  readonly dueAt: string;
  /**
   * The payload as scheduled, after a JSON round trip. It may come from a store another process
   * wrote (Redis): validate it before use (docs/style.md 19).
   */
  readonly payload: P;
}

/**
 * The delayed-job port: runs `onDue` once a job's due time has come (at once for a time already
 * past, never before). Keyed by job id: scheduling an id again is a no-op, whether the job is
 * waiting or already ran (finished jobs are kept a while for that); rescheduling is
 * cancel(old id) + schedule(new id); a cancelled job never runs, and cancel forgets a finished
 * job, so its id can be scheduled anew. Delivery is at least once (a handler that rejects, or a
 * crash mid-run, runs the job again, with backoff), so `onDue` must be idempotent.
 */
export interface DelayedJobs<P> {
  /** What it is, for the health page: "BullMQ queue tasks-notes-reminders on Redis at ...". */
  readonly description: string;
  /**
   * True when scheduled jobs outlive the process (BullMQ keeps them in Redis). False for the
   * in-process adapter: its user schedules its jobs again at boot, from its own records.
   */
  readonly survivesRestart: boolean;
  /** Starts running due jobs through `onDue`; call before `schedule`. */
  start(onDue: (job: DueJob<P>) => Promise<void>): Promise<void>;
  /** Rejects an id with ':' or a due time that is not a time. */
  schedule(job: JobToSchedule<P>): Promise<void>;
  /** Unknown ids are ignored; a job already running finishes. */
  cancel(id: string): Promise<void>;
  /** Resolves when healthy; resolves with a reason when not (not started, Redis down). */
  check(): Promise<void | string>;
  stop(): Promise<void>;
}
