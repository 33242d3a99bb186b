import { randomUUID } from 'node:crypto';
import type { DelayedJobs, DueJob } from '../delayed-jobs.port';
import { jobId } from '../job-id';

/** What the contract schedules: JSON data with some depth. */
export interface ContractPayload {
  readonly conversationId: string;
  readonly reason: { readonly kind: string; readonly minutes: number };
  readonly tags: readonly string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check` holds, or fails naming `what` after `timeoutMs`. */
const eventually = async (what: string, check: () => boolean, timeoutMs = 10_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

/**
 * The delayed-jobs contract (docs/style.md 15), run on every adapter. `make(name)` builds the
 * adapter over the store called `name` (a queue name): the same name twice is the same store,
 * for the restart case of adapters that survive one.
 */
export const describeDelayedJobsContract = (
  adapter: string,
  make: (name: string) => DelayedJobs<ContractPayload>,
): void => {
  describe(`delayed jobs contract: ${adapter}`, () => {
    const running: DelayedJobs<ContractPayload>[] = [];
    const ran: { job: DueJob<ContractPayload>; atMs: number }[] = [];
    const uniqueName = () => `delayed-jobs-contract-${randomUUID().slice(0, 8)}`;

    const started = async (name = uniqueName(), fail = 0) => {
      const jobs = make(name);
      let failures = fail;
      await jobs.start(async (job) => {
        if (failures-- > 0) throw new Error('handler down for a moment');
        ran.push({ job, atMs: Date.now() });
      });
      running.push(jobs);
      return jobs;
    };
    const jobIn = (ms: number, id = jobId('wscontract', `conv:${randomUUID()}`, 'no-reply')) => ({
      id,
      dueAt: new Date(Date.now() + ms).toISOString(),
      payload: {
        conversationId: `wscontract:tg:${id.length}`,
        reason: { kind: 'no-reply', minutes: 30 },
        tags: ['a', 'b'],
      } as ContractPayload,
    });
    const ranFor = (id: string) => ran.filter((r) => r.job.id === id);

    afterEach(async () => {
      for (const jobs of running.splice(0)) await jobs.stop();
    });

    it('given a job, when its due time comes, then it runs once, not before, with its id, due time and payload', async () => {
      const jobs = await started();
      const job = jobIn(600);

      await jobs.schedule(job);

      await eventually('the job', () => ranFor(job.id).length > 0);
      await sleep(500);
      const runs = ranFor(job.id);
      expect(runs.map((r) => r.job)).toEqual([job]);
      expect(runs[0]!.atMs).toBeGreaterThanOrEqual(Date.parse(job.dueAt) - 50);
    });

    it('given a due time as a Date, then the due job carries it as an ISO string', async () => {
      const jobs = await started();
      const job = jobIn(100);
      const dueAt = new Date(job.dueAt);

      await jobs.schedule({ ...job, dueAt });

      await eventually('the job', () => ranFor(job.id).length > 0);
      expect(ranFor(job.id)[0]!.job.dueAt).toBe(dueAt.toISOString());
    });

    it('given a due time already past, when scheduled, then it runs at once', async () => {
      const jobs = await started();
      const job = jobIn(-60_000);

      await jobs.schedule(job);

      await eventually('the late job', () => ranFor(job.id).length > 0, 5_000);
    });

    it('given a job scheduled twice, even with another payload, then it runs once, the first', async () => {
      const jobs = await started();
      const job = jobIn(300);

      await jobs.schedule(job);
      await jobs.schedule({ ...job, payload: { ...job.payload, tags: ['other'] } });

      await eventually('the job', () => ranFor(job.id).length > 0);
      await sleep(700);
      expect(ranFor(job.id).map((r) => r.job)).toEqual([job]);
    });

    it('given a job that ran, when scheduled again, then it does not run again', async () => {
      const jobs = await started();
      const job = jobIn(0);
      await jobs.schedule(job);
      await eventually('the job', () => ranFor(job.id).length > 0);

      await jobs.schedule({ ...job, dueAt: new Date(Date.now() + 100).toISOString() });

      await sleep(700);
      expect(ranFor(job.id)).toHaveLength(1);
    });

    it('given a job that ran, when cancelled and scheduled again, then it runs again', async () => {
      const jobs = await started();
      const job = jobIn(0);
      await jobs.schedule(job);
      await eventually('the job', () => ranFor(job.id).length > 0);
      await sleep(300); // finished, not only run: a job running cannot be cancelled

      await jobs.cancel(job.id);
      await jobs.schedule(job);

      await eventually('the job again', () => ranFor(job.id).length > 1);
    });

    it('given a job, when rescheduled (cancel old, schedule new), then only the new one runs', async () => {
      const jobs = await started();
      const old = jobIn(400);
      const moved = jobIn(900);

      await jobs.schedule(old);
      await jobs.cancel(old.id);
      await jobs.schedule(moved);

      await eventually('the new job', () => ranFor(moved.id).length > 0);
      await sleep(500);
      expect(ranFor(old.id)).toEqual([]);
      expect(ranFor(moved.id).map((r) => r.job)).toEqual([moved]);
    });

    it('given a job, when cancelled, then it never runs; cancelling an unknown id is harmless', async () => {
      const jobs = await started();
      const job = jobIn(300);

      await jobs.schedule(job);
      await jobs.cancel(job.id);
      await jobs.cancel(jobId('wscontract', 'never-scheduled'));

      await sleep(1_200);
      expect(ranFor(job.id)).toEqual([]);
    });

    it('given a handler that fails once, then the job runs again', async () => {
      const jobs = await started(uniqueName(), 1);
      const job = jobIn(0);

      await jobs.schedule(job);

      await eventually('the retried job', () => ranFor(job.id).length > 0, 10_000);
      expect(ranFor(job.id)).toHaveLength(1);
    });

    it('given a job id with a colon, an integer id or a due time that is not a time, then schedule rejects', async () => {
      const jobs = await started();
      const job = jobIn(0);

      await expect(jobs.schedule({ ...job, id: 'ws:conv' })).rejects.toThrow(/job id/);
      await expect(jobs.schedule({ ...job, id: '42' })).rejects.toThrow(/job id/);
      await expect(jobs.schedule({ ...job, dueAt: 'tomorrow at ten' })).rejects.toThrow(
        /not a time/,
      );
      await expect(jobs.schedule({ ...job, dueAt: new Date(Number.NaN) })).rejects.toThrow(
        /not a time/,
      );
    });

    it('given a job scheduled, when the adapter stops before its time and another starts, then it runs once if the adapter survives restarts', async () => {
      const name = uniqueName();
      const first = await started(name);
      const job = jobIn(800);
      await first.schedule(job);
      await first.stop();
      running.splice(running.indexOf(first), 1);

      await sleep(1_000);
      expect(ranFor(job.id)).toEqual([]);
      const second = await started(name);

      if (!second.survivesRestart) {
        // Its user schedules again at boot, from its own records; the adapter forgets.
        await sleep(500);
        expect(ranFor(job.id)).toEqual([]);
        return;
      }
      await eventually('the job after the restart', () => ranFor(job.id).length > 0);
      await sleep(500);
      expect(ranFor(job.id).map((r) => r.job)).toEqual([job]);
    });

    it('reports itself healthy while started, and a reason before and after', async () => {
      const jobs = make(uniqueName());
      const before = await jobs.check();
      await jobs.start(async () => undefined);
      running.push(jobs);
      const during = await jobs.check();
      await jobs.stop();
      running.splice(running.indexOf(jobs), 1);

      expect(before).toEqual(expect.any(String));
      expect(during).toBeUndefined();
      expect(await jobs.check()).toEqual(expect.any(String));
    });
  });
};
