import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { DelayedJobs, DueJob, JobToSchedule } from '../delayed-jobs.port';
import { readJobToSchedule } from '../job-id';

export interface BullmqDelayedJobsOptions {
  readonly redisUrl: string;
  /** One queue per use (`tasks-notes-reminders`); tests give a fresh one. No ':'. */
  readonly queueName: string;
  readonly now?: () => Date;
  /** Attempts of a job whose handler fails (backoff 1 s doubling). Default 8. */
  readonly attempts?: number;
  /** Default: a line on stderr. */
  readonly log?: (line: string) => void;
}

/** The BullMQ job name of the jobs this adapter adds; their data is `StoredJob`. */
const JOB_NAME = 'delayed-job';

interface StoredJob {
  readonly dueAt: string;
  readonly payload: unknown;
}

/** Keep finished jobs a while, so scheduling a job that already ran stays a no-op. */
const KEEP_FINISHED = { age: 30 * 24 * 3600, count: 100_000 };

/**
 * Delayed jobs as delayed BullMQ jobs in Redis (through ioredis), BullMQ job id = our job id, so
 * a repeat is ignored by BullMQ and a cancel removes exactly that job. The worker runs each job
 * when its delay is over, on whichever process using the queue is up: jobs outlive restarts. A
 * job whose handler fails is retried with backoff.
 */
export class BullmqDelayedJobs<P> implements DelayedJobs<P> {
  readonly survivesRestart = true;
  readonly description: string;
  private readonly connections: Redis[] = [];
  private queue?: Queue;
  private worker?: Worker;

  constructor(private readonly options: BullmqDelayedJobsOptions) {
    this.description = `BullMQ queue ${options.queueName} on Redis at ${redactedHost(options.redisUrl)}`;
  }

  async start(onDue: (job: DueJob<P>) => Promise<void>): Promise<void> {
    const { queueName } = this.options;
    this.queue = new Queue(queueName, { connection: this.connect() });
    this.worker = new Worker(queueName, async (job: Job) => onDue(dueJob<P>(job)), {
      connection: this.connect(),
      concurrency: 8,
    });
    this.worker.on('failed', (job, error) =>
      this.log(`delayed job ${job?.id ?? '?'} in ${queueName} failed: ${error.message}`),
    );
    this.worker.on('error', (error) => this.log(`delayed jobs of ${queueName}: ${error.message}`));
    await this.queue.waitUntilReady();
    await this.worker.waitUntilReady();
  }

  async schedule(job: JobToSchedule<P>): Promise<void> {
    const { id, dueAt, dueMs, payload } = readJobToSchedule(job);
    const data: StoredJob = { dueAt, payload };
    await this.requireQueue().add(JOB_NAME, data, {
      jobId: id,
      delay: Math.max(0, dueMs - this.now()),
      attempts: this.options.attempts ?? 8,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: KEEP_FINISHED,
      removeOnFail: KEEP_FINISHED,
    });
  }

  async cancel(id: string): Promise<void> {
    await this.requireQueue().remove(id);
  }

  async check(): Promise<void | string> {
    const [connection] = this.connections;
    if (!connection || !this.queue) return 'not started';
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
    if (!this.queue)
      throw new Error(`the delayed jobs of ${this.options.queueName} are not started`);
    return this.queue;
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}

/**
 * The due job of a BullMQ job. A job of another name was added to the queue by something else
 * (the tasks-notes reminder scheduler before this library): its whole data is the payload, and
 * its due time is when BullMQ was told to run it.
 */
const dueJob = <P>(job: Job): DueJob<P> => {
  const id = job.id ?? '';
  if (job.name !== JOB_NAME) {
    const dueMs = job.timestamp + (job.delay ?? 0);
    return { id, dueAt: new Date(dueMs).toISOString(), payload: job.data as P };
  }
  const data: unknown = job.data;
  if (typeof data !== 'object' || data === null || typeof (data as StoredJob).dueAt !== 'string') {
    throw new Error(`delayed job ${id} holds no due time: not a job of this adapter`);
  }
  return { id, dueAt: (data as StoredJob).dueAt, payload: (data as StoredJob).payload as P };
};

/** host:port only: a URL may carry a password, which never goes to a log or a page. */
const redactedHost = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'an unparsable URL';
  }
};
