import type {
  EventEnvelope,
  NoteAdded,
  TaskCompleted,
  TaskCreated,
  TaskReminderDue,
  TaskReopened,
  TaskRescheduled,
} from '@parley/contracts';
import type { DecidedEvent } from '@parley/decider';

type Decided<E> = E extends EventEnvelope<infer T, infer D> ? DecidedEvent<T, D> : never;

/** TasksNotes.* events of a Task stream, as its decider emits them. */
export type TaskDecidedEvent = Decided<
  TaskCreated | TaskCompleted | TaskReopened | TaskRescheduled | TaskReminderDue
>;

/** TasksNotes.* events of a Note stream, as its decider emits them. */
export type NoteDecidedEvent = Decided<NoteAdded>;
