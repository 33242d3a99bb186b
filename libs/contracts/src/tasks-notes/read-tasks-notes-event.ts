import { EventCatalog } from '../upcasting/event-catalog';
import { eventReader, readEvent } from '../upcasting/read-event';
import type { EventEnvelope } from '../envelope/event-envelope';
import { tasksNotesEventDefinitions } from './tasks-notes-event-definitions';
import type { TasksNotesEvent } from './tasks-notes-events';

const catalog = new EventCatalog().register(...tasksNotesEventDefinitions);

/** One tasks-notes event of a given type from the bus, checked (style 19). */
export const readTasksNotesEvent = eventReader<TasksNotesEvent>(catalog);

/** Any tasks-notes event from the bus, checked: envelope, version, payload. */
export const readAnyTasksNotesEvent = (payload: unknown): TasksNotesEvent =>
  readEvent(catalog, payload) as EventEnvelope as TasksNotesEvent;
