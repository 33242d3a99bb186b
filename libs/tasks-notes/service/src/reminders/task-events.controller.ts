import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { eventsTopic, readAnyTasksNotesEvent, TASKS_NOTES_CONTEXT } from '@parley/contracts';
import { TaskReminders } from './task-reminders';

/**
 * The service's reactions to its own events (`parley.tasksnotes.events`, consumer `reminders`):
 * each task event brings that task's reminder in line. Payloads are validated before use.
 */
@Controller()
export class TaskEventsController {
  constructor(@Inject(TaskReminders) private readonly reminders: TaskReminders) {}

  @EventPattern({ topic: eventsTopic(TASKS_NOTES_CONTEXT) }, { consumer: 'reminders' })
  async tasksNotesEvent(@Payload() payload: unknown): Promise<void> {
    const event = readAnyTasksNotesEvent(payload);
    if (event.type === 'TasksNotes.NoteAdded') return;
    await this.reminders.syncTask(event.metadata.workspaceId, event.data.taskId);
  }
}
