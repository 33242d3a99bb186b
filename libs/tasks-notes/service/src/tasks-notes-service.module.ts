import { Module, type DynamicModule } from '@nestjs/common';
import { BullmqDelayedJobs, InProcessDelayedJobs, type DelayedJobs } from '@parley/delayed-jobs';
import { CLOCK, commandProcessorProvider, type Clock } from '@parley/platform';
import { tasksNotesCommandHandlers } from './commands/tasks-notes-command-handlers';
import {
  defaultTasksNotesServiceOptions,
  DEFAULT_REMINDER_QUEUE,
  REMINDER_JOBS,
  TASKS_NOTES_SERVICE_OPTIONS,
  type TasksNotesServiceOptions,
} from './options';
import type { Reminder } from './reminders/reminder';
import { TaskEventsController } from './reminders/task-events.controller';
import { TaskReminders } from './reminders/task-reminders';

/**
 * The tasks-notes service (docs/architecture.md): Task and Note aggregates, fed by commands, and
 * the tasks' reminders (BullMQ on Redis, or timers in process). Needs EVENT_STORE, BUS and CLOCK
 * from the PlatformModule.
 */
@Module({})
export class TasksNotesServiceModule {
  static register(options: Partial<TasksNotesServiceOptions> = {}): DynamicModule {
    const settings: TasksNotesServiceOptions = { ...defaultTasksNotesServiceOptions, ...options };
    const reminders = settings.reminders;
    return {
      module: TasksNotesServiceModule,
      controllers: [TaskEventsController],
      providers: [
        { provide: TASKS_NOTES_SERVICE_OPTIONS, useValue: settings },
        {
          provide: REMINDER_JOBS,
          inject: [CLOCK],
          useFactory: (clock: Clock): DelayedJobs<Reminder> =>
            reminders.kind === 'bullmq'
              ? new BullmqDelayedJobs<Reminder>({
                  redisUrl: reminders.redisUrl,
                  queueName: reminders.queueName ?? DEFAULT_REMINDER_QUEUE,
                  now: clock,
                })
              : new InProcessDelayedJobs<Reminder>({ now: clock }),
        },
        TaskReminders,
        commandProcessorProvider(TASKS_NOTES_SERVICE_OPTIONS, tasksNotesCommandHandlers),
      ],
    };
  }
}
