import {
  reminderJobId,
  type DueReminderHandler,
  type Reminder,
  type ReminderScheduler,
} from '../reminder-scheduler.port';

export interface InProcessReminderSchedulerOptions {
  readonly now?: () => Date;
  /** Attempts of a reminder whose handler fails (backoff 1 s doubling, at most 30 s). Default 8. */
  readonly attempts?: number;
  readonly log?: (line: string) => void;
}

/** setTimeout's longest delay; longer waits are chained. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Reminders as timers of this process (`npm start`). They do not outlive it: the service
 * schedules every open task's reminder again at boot, from the event store
 * (`survivesRestart = false`), and a reminder whose time passed while it was down runs at once.
 */
export class InProcessReminderScheduler implements ReminderScheduler {
  readonly survivesRestart = false;
  readonly description = 'timers in this process (scheduled again from the event store at boot)';
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly done = new Set<string>();
  private onDue?: DueReminderHandler;
  private stopped = false;

  constructor(private readonly options: InProcessReminderSchedulerOptions = {}) {}

  async start(onDue: DueReminderHandler): Promise<void> {
    this.onDue = onDue;
    this.stopped = false;
  }

  async schedule(reminder: Reminder): Promise<void> {
    const id = reminderJobId(reminder);
    if (this.timers.has(id) || this.done.has(id)) return;
    this.arm(id, reminder, Date.parse(reminder.dueAt), 1);
  }

  async cancel(reminder: Reminder): Promise<void> {
    const id = reminderJobId(reminder);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  async check(): Promise<void | string> {
    return this.onDue && !this.stopped ? undefined : 'not started';
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(id: string, reminder: Reminder, atMs: number, attempt: number): void {
    if (this.stopped) return;
    const wait = Math.max(0, atMs - this.now());
    const timer = setTimeout(
      () => {
        if (atMs - this.now() > 0) return this.arm(id, reminder, atMs, attempt);
        void this.run(id, reminder, attempt);
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    timer.unref();
    this.timers.set(id, timer);
  }

  private async run(id: string, reminder: Reminder, attempt: number): Promise<void> {
    const onDue = this.onDue;
    if (!onDue || this.stopped) return;
    try {
      await onDue(reminder);
      this.timers.delete(id);
      this.done.add(id);
    } catch (e) {
      const attempts = this.options.attempts ?? 8;
      this.log(
        `reminder ${id} failed (attempt ${attempt} of ${attempts}): ${(e as Error).message}`,
      );
      if (attempt >= attempts || !this.timers.has(id)) {
        this.timers.delete(id);
        return;
      }
      const backoff = Math.min(1_000 * 2 ** (attempt - 1), 30_000);
      this.arm(id, reminder, this.now() + backoff, attempt + 1);
    }
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}
