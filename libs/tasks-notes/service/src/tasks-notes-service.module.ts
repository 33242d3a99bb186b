import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, commandProcessorProvider, type Clock } from '@parley/platform';
import { tasksNotesCommandHandlers } from './commands/tasks-notes-command-handlers';
import {
  defaultTasksNotesServiceOptions,
  REMINDER_SCHEDULER,
  TASKS_NOTES_SERVICE_OPTIONS,
  type TasksNotesServiceOptions,
} from './options';
import { BullmqReminderScheduler } from './reminders/bullmq/bullmq-reminder-scheduler';
import { InProcessReminderScheduler } from './reminders/in-process/in-process-reminder-scheduler';
import type { ReminderScheduler } from './reminders/reminder-scheduler.port';
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
          provide: REMINDER_SCHEDULER,
          inject: [CLOCK],
          useFactory: (clock: Clock): ReminderScheduler =>
            reminders.kind === 'bullmq'
              ? new BullmqReminderScheduler({
                  redisUrl: reminders.redisUrl,
                  queueName: reminders.queueName,
                  now: clock,
                })
              : new InProcessReminderScheduler({ now: clock }),
        },
        TaskReminders,
        commandProcessorProvider(TASKS_NOTES_SERVICE_OPTIONS, tasksNotesCommandHandlers),
      ],
    };
  }
}
