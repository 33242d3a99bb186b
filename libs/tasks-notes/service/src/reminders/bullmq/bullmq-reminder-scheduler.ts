import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import {
  reminderJobId,
  type DueReminderHandler,
  type Reminder,
  type ReminderScheduler,
} from '../reminder-scheduler.port';

export interface BullmqReminderSchedulerOptions {
  readonly redisUrl: string;
  /** Default `tasks-notes-reminders`; tests give their own. */
  readonly queueName?: string;
  readonly now?: () => Date;
  /** Attempts of a job whose handler fails (backoff 1 s doubling). Default 8. */
  readonly attempts?: number;
  readonly log?: (line: string) => void;
}

export const DEFAULT_REMINDER_QUEUE = 'tasks-notes-reminders';

/** Keep finished jobs a while, so scheduling a reminder that already ran stays a no-op. */
const KEEP_FINISHED = { age: 30 * 24 * 3600, count: 100_000 };

/**
 * Reminders as delayed BullMQ jobs in Redis (through ioredis): job id = task + due time, so a
 * repeat is ignored by BullMQ and a reschedule or completion removes exactly the old job. The
 * worker runs each job when its delay is over, on whichever process of the service is up: jobs
 * outlive restarts. A job whose handler fails is retried with backoff.
 */
export class BullmqReminderScheduler implements ReminderScheduler {
  readonly survivesRestart = true;
  readonly description: string;
  private readonly queueName: string;
  private readonly connections: Redis[] = [];
  private queue?: Queue;
  private worker?: Worker;

  constructor(private readonly options: BullmqReminderSchedulerOptions) {
    this.queueName = options.queueName ?? DEFAULT_REMINDER_QUEUE;
    this.description = `BullMQ queue ${this.queueName} on Redis at ${redactedHost(options.redisUrl)}`;
  }

  async start(onDue: DueReminderHandler): Promise<void> {
    this.queue = new Queue(this.queueName, { connection: this.connect() });
    this.worker = new Worker(
      this.queueName,
      async (job: Job<Reminder>) => {
        await onDue({
          workspaceId: job.data.workspaceId,
          taskId: job.data.taskId,
          dueAt: job.data.dueAt,
        });
      },
      { connection: this.connect(), concurrency: 8 },
    );
    this.worker.on('failed', (job, error) =>
      this.log(`reminder job ${job?.id ?? '?'} failed: ${error.message}`),
    );
    this.worker.on('error', (error) => this.log(`reminder worker: ${error.message}`));
    await this.queue.waitUntilReady();
    await this.worker.waitUntilReady();
  }

  async schedule(reminder: Reminder): Promise<void> {
    const delay = Math.max(0, Date.parse(reminder.dueAt) - this.now());
    await this.requireQueue().add(
      'reminder',
      { workspaceId: reminder.workspaceId, taskId: reminder.taskId, dueAt: reminder.dueAt },
      {
        jobId: reminderJobId(reminder),
        delay,
        attempts: this.options.attempts ?? 8,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: KEEP_FINISHED,
        removeOnFail: KEEP_FINISHED,
      },
    );
  }

  async cancel(reminder: Reminder): Promise<void> {
    await this.requireQueue().remove(reminderJobId(reminder));
  }

  async check(): Promise<void | string> {
    const [connection] = this.connections;
    if (!connection) return 'not started';
    if (connection.status !== 'ready') return `not connected (${connection.status})`;
    await connection.ping();
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    this.worker = undefined;
    this.queue = undefined;
    for (const connection of this.connections.splice(0)) {
      await Promise.race([
        connection.quit().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
      ]);
      connection.disconnect();
    }
  }

  private connect(): Redis {
    const connection = new Redis(this.options.redisUrl, {
      // BullMQ's workers block on Redis: they must not give up a command after N retries.
      maxRetriesPerRequest: null,
      connectTimeout: 5_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    let lastError = '';
    connection.on('error', (error: Error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      this.log(`Redis at ${redactedHost(this.options.redisUrl)}: ${error.message}`);
    });
    this.connections.push(connection);
    return connection;
  }

  private requireQueue(): Queue {
    if (!this.queue) throw new Error('the reminder scheduler is not started');
    return this.queue;
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}

/** host:port only: a URL may carry a password, which never goes to a log or a page. */
const redactedHost = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'an unparsable URL';
  }
};
