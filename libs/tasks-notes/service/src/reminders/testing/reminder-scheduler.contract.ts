import { randomUUID } from 'node:crypto';
import type { Reminder, ReminderScheduler } from '../reminder-scheduler.port';

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
 * The reminder scheduler contract (docs/style.md 15), run on every adapter. `make(name)` builds
 * a scheduler over the store called `name` (a queue name): the same name twice is the same
 * store, for the restart case of adapters that survive one.
 */
export const describeReminderScheduler = (
  adapter: string,
  make: (name: string) => ReminderScheduler,
): void => {
  describe(`reminder scheduler contract: ${adapter}`, () => {
    const running: ReminderScheduler[] = [];
    const workspaceId = 'wscontract';
    const fired: { reminder: Reminder; atMs: number }[] = [];
    const uniqueName = () => `reminders-contract-${randomUUID().slice(0, 8)}`;

    const started = async (name = uniqueName(), fail = 0): Promise<ReminderScheduler> => {
      const scheduler = make(name);
      let failures = fail;
      await scheduler.start(async (reminder) => {
        if (failures-- > 0) throw new Error('handler down for a moment');
        fired.push({ reminder, atMs: Date.now() });
      });
      running.push(scheduler);
      return scheduler;
    };
    const reminderIn = (ms: number, taskId = randomUUID()): Reminder => ({
      workspaceId,
      taskId,
      dueAt: new Date(Date.now() + ms).toISOString(),
    });
    const firedFor = (taskId: string) => fired.filter((f) => f.reminder.taskId === taskId);

    afterEach(async () => {
      for (const s of running.splice(0)) await s.stop();
    });

    it('given a reminder, when its due time comes, then it runs once, not before', async () => {
      const scheduler = await started();
      const reminder = reminderIn(600);

      await scheduler.schedule(reminder);

      await eventually('the reminder', () => firedFor(reminder.taskId).length > 0);
      await sleep(500);
      const runs = firedFor(reminder.taskId);
      expect(runs.map((r) => r.reminder)).toEqual([reminder]);
      expect(runs[0]!.atMs).toBeGreaterThanOrEqual(Date.parse(reminder.dueAt) - 50);
    });

    it('given a due time already past, when scheduled, then it runs at once', async () => {
      const scheduler = await started();
      const reminder = reminderIn(-60_000);

      await scheduler.schedule(reminder);

      await eventually('the late reminder', () => firedFor(reminder.taskId).length > 0, 5_000);
    });

    it('given a reminder scheduled twice, then it runs once', async () => {
      const scheduler = await started();
      const reminder = reminderIn(300);

      await scheduler.schedule(reminder);
      await scheduler.schedule(reminder);

      await eventually('the reminder', () => firedFor(reminder.taskId).length > 0);
      await sleep(700);
      expect(firedFor(reminder.taskId)).toHaveLength(1);
    });

    it('given a reminder, when rescheduled (cancel old, schedule new), then only the new one runs', async () => {
      const scheduler = await started();
      const old = reminderIn(400);
      const moved = { ...old, dueAt: new Date(Date.now() + 900).toISOString() };

      await scheduler.schedule(old);
      await scheduler.cancel(old);
      await scheduler.schedule(moved);

      await eventually('the new reminder', () => firedFor(old.taskId).length > 0);
      await sleep(500);
      expect(firedFor(old.taskId).map((f) => f.reminder)).toEqual([moved]);
    });

    it('given a reminder, when cancelled (task done), then it never runs', async () => {
      const scheduler = await started();
      const reminder = reminderIn(300);

      await scheduler.schedule(reminder);
      await scheduler.cancel(reminder);

      await sleep(1_200);
      expect(firedFor(reminder.taskId)).toEqual([]);
    });

    it('given a handler that fails once, then the reminder runs again', async () => {
      const scheduler = await started(uniqueName(), 1);
      const reminder = reminderIn(0);

      await scheduler.schedule(reminder);

      await eventually('the retried reminder', () => firedFor(reminder.taskId).length > 0, 10_000);
      expect(firedFor(reminder.taskId)).toHaveLength(1);
    });

    it('given a reminder scheduled, when the scheduler stops before its time and another starts, then it runs once if the adapter survives restarts', async () => {
      const name = uniqueName();
      const first = await started(name);
      const reminder = reminderIn(800);
      await first.schedule(reminder);
      await first.stop();
      running.splice(running.indexOf(first), 1);

      await sleep(1_000);
      expect(firedFor(reminder.taskId)).toEqual([]);
      const second = await started(name);

      if (!second.survivesRestart) {
        // The service schedules again at boot (from the event store); the adapter forgets.
        await sleep(500);
        expect(firedFor(reminder.taskId)).toEqual([]);
        return;
      }
      await eventually(
        'the reminder after the restart',
        () => firedFor(reminder.taskId).length > 0,
      );
      await sleep(500);
      expect(firedFor(reminder.taskId)).toHaveLength(1);
    });

    it('reports itself healthy while started', async () => {
      const scheduler = await started();
      expect(await scheduler.check()).toBeUndefined();
    });
  });
};
