import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Bus } from '@parley/bus';
import type { DelayedJobs } from '@parley/delayed-jobs';
import {
  commandsTopic,
  deterministicId,
  isTaskStream,
  taskKey,
  taskStream,
  TASKS_NOTES_SERVICE,
  TASKS_NOTES_STREAM_PREFIX,
  type CommandEnvelope,
  type EventEnvelope,
  type RecordTaskReminderData,
} from '@parley/contracts';
import { foldEvents } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import { BUS, CLOCK, EVENT_STORE, HealthRegistry, type Clock } from '@parley/platform';
import {
  pendingReminder,
  taskDecider,
  type TaskDecidedEvent,
  type TaskState,
} from '@parley/tasks-notes-domain';
import {
  REMINDER_JOBS,
  TASKS_NOTES_SERVICE_OPTIONS,
  type TasksNotesServiceOptions,
} from '../options';
import { dueReminder, reminderJob, reminderJobId, type Reminder } from './reminder';

/** Events of the store read at boot per page. */
const PAGE = 1_000;

/** Events read from our own store are trusted: the service wrote them through the decider. */
const asTaskEvents = (events: readonly EventEnvelope[]): TaskDecidedEvent[] =>
  events as unknown as TaskDecidedEvent[];

/**
 * Keeps the reminders' delayed jobs in step with the tasks (R4): one job per task and due time
 * (`reminderJob`). After each task event, the task's pending reminder is scheduled and its other
 * due times cancelled (`syncTask`); when a reminder is due, the command `RecordTaskReminder` goes
 * to the service's own commands topic with an id derived from task and due time, so a job that
 * runs twice (delivery is at least once) records one `TaskReminderDue`. With delayed jobs that
 * forget on restart (in process), every open task's reminder is scheduled again at boot from the
 * event store (all `tasksnotes-` streams, read once).
 */
@Injectable()
export class TaskReminders
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('tasks-notes reminders');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BUS) private readonly bus: Bus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TASKS_NOTES_SERVICE_OPTIONS) private readonly options: TasksNotesServiceOptions,
    @Inject(REMINDER_JOBS) private readonly jobs: DelayedJobs<Reminder>,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health?.register({
      name: 'reminders',
      description: `task reminders: ${this.jobs.description}${
        this.jobs.survivesRestart ? '' : ', scheduled again from the event store at boot'
      }`,
      check: () => this.jobs.check(),
    });
    // Started before the event subscriptions, which schedule through it.
    await this.jobs.start((job) => this.recordReminder(dueReminder(job)));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.jobs.survivesRestart) return;
    const scheduled = await this.scheduleOpenTasks();
    if (scheduled > 0) this.logger.log(`${scheduled} task reminders scheduled again`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
  }

  /** Bring the delayed jobs in line with one task's stream. */
  async syncTask(workspaceId: string, taskId: string): Promise<void> {
    const recorded = await this.store.readStream(taskStream(workspaceId, taskId));
    const events = asTaskEvents(recorded.map((r) => r.event));
    const state = foldEvents(taskDecider, events);
    const pending = pendingReminder(state);
    const dueTimes = new Set(
      events.flatMap((e) =>
        e.type === 'TasksNotes.TaskCreated' || e.type === 'TasksNotes.TaskRescheduled'
          ? [e.data.dueAt]
          : [],
      ),
    );
    const fired = state.status === 'none' ? null : state.remindedFor;
    for (const dueAt of dueTimes) {
      // The job of a reminder that fired is finished (or finishing): leave it be.
      if (dueAt === pending?.dueAt || dueAt === fired) continue;
      await this.jobs.cancel(reminderJobId({ workspaceId, taskId, dueAt }));
    }
    if (pending)
      await this.jobs.schedule(reminderJob({ workspaceId, taskId, dueAt: pending.dueAt }));
  }

  /** Schedule the pending reminder of every task in the store; returns how many. */
  async scheduleOpenTasks(): Promise<number> {
    const tasks = new Map<string, { workspaceId: string; state: TaskState }>();
    let after: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({
        after,
        maxCount: PAGE,
        filter: { streamPrefixes: [TASKS_NOTES_STREAM_PREFIX] },
      });
      for (const r of page) {
        if (!isTaskStream(r.streamName)) continue;
        const task = tasks.get(r.streamName) ?? {
          workspaceId: r.event.metadata.workspaceId,
          state: taskDecider.initialState(),
        };
        task.state = taskDecider.evolve(task.state, asTaskEvents([r.event])[0]!);
        tasks.set(r.streamName, task);
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!.position;
    }
    let scheduled = 0;
    for (const { workspaceId, state } of tasks.values()) {
      const pending = pendingReminder(state);
      if (!pending || state.status === 'none') continue;
      await this.jobs.schedule(
        reminderJob({ workspaceId, taskId: state.taskId, dueAt: pending.dueAt }),
      );
      scheduled++;
    }
    return scheduled;
  }

  private async recordReminder(reminder: Reminder): Promise<void> {
    const commandId = deterministicId(
      'task-reminder',
      reminder.workspaceId,
      reminder.taskId,
      reminder.dueAt,
    );
    const aggregateId = taskKey(reminder.workspaceId, reminder.taskId);
    const command: CommandEnvelope<'RecordTaskReminder', RecordTaskReminderData> = {
      commandId,
      service: this.options.service,
      type: 'RecordTaskReminder',
      data: { taskId: reminder.taskId, dueAt: reminder.dueAt },
      metadata: {
        workspaceId: reminder.workspaceId,
        aggregateId,
        issuedAt: this.clock().toISOString(),
        correlationId: commandId,
        causationId: null,
        actor: { kind: 'system', id: TASKS_NOTES_SERVICE },
      },
    };
    await this.bus.publish([
      { topic: commandsTopic(this.options.service), key: aggregateId, value: command },
    ]);
  }
}
