import type { DelayedJobs, DueJob, JobToSchedule } from '../delayed-jobs.port';
import { readJobToSchedule } from '../job-id';

export interface InProcessDelayedJobsOptions {
  readonly now?: () => Date;
  /** Attempts of a job whose handler fails (backoff 1 s doubling, at most 30 s). Default 8. */
  readonly attempts?: number;
  /** Default: a line on stderr. */
  readonly log?: (line: string) => void;
}

/** setTimeout's longest delay; longer waits are chained. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Delayed jobs as timers of this process (`npm start`). They do not outlive it
 * (`survivesRestart = false`): the user schedules its jobs again at boot, and a job whose time
 * passed while the process was down runs at once. Payloads go through JSON as with BullMQ.
 */
export class InProcessDelayedJobs<P> implements DelayedJobs<P> {
  readonly survivesRestart = false;
  readonly description = 'timers in this process (lost when it stops)';
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Ids of the jobs that ran, so scheduling them again is a no-op (until cancelled). */
  private readonly done = new Set<string>();
  private onDue?: (job: DueJob<P>) => Promise<void>;
  private stopped = false;

  constructor(private readonly options: InProcessDelayedJobsOptions = {}) {}

  async start(onDue: (job: DueJob<P>) => Promise<void>): Promise<void> {
    this.onDue = onDue;
    this.stopped = false;
  }

  async schedule(job: JobToSchedule<P>): Promise<void> {
    const { id, dueAt, dueMs, payload } = readJobToSchedule(job);
    if (!this.onDue) throw new Error('the in-process delayed jobs are not started');
    // Stopped (shutting down): the timers are gone, and so is this one.
    if (this.stopped || this.timers.has(id) || this.done.has(id)) return;
    this.arm({ id, dueAt, payload }, dueMs, 1);
  }

  async cancel(id: string): Promise<void> {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.done.delete(id);
  }

  async check(): Promise<void | string> {
    return this.onDue && !this.stopped ? undefined : 'not started';
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(job: DueJob<P>, atMs: number, attempt: number): void {
    if (this.stopped) return;
    const wait = Math.max(0, atMs - this.now());
    const timer = setTimeout(
      () => {
        if (atMs - this.now() > 0) return this.arm(job, atMs, attempt);
        void this.run(job, attempt);
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    timer.unref();
    this.timers.set(job.id, timer);
  }

  private async run(job: DueJob<P>, attempt: number): Promise<void> {
    const onDue = this.onDue;
    if (!onDue || this.stopped) return;
    try {
      await onDue(job);
      if (!this.timers.has(job.id)) return; // cancelled while it ran
      this.timers.delete(job.id);
      this.done.add(job.id);
    } catch (e) {
      const attempts = this.options.attempts ?? 8;
      this.log(
        `delayed job ${job.id} failed (attempt ${attempt} of ${attempts}): ${(e as Error).message}`,
      );
      if (attempt >= attempts || !this.timers.has(job.id)) {
        this.timers.delete(job.id);
        return;
      }
      const backoff = Math.min(1_000 * 2 ** (attempt - 1), 30_000);
      this.arm(job, this.now() + backoff, attempt + 1);
    }
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}
