import type {
  ConversationEvent,
  CrmEvent,
  EventEnvelope,
  TasksNotesEvent,
} from '@parley/contracts';

/** The events the projector turns into read models. */
export type ProjectedEvent = ConversationEvent | CrmEvent;
export type ProjectedEventType = ProjectedEvent['type'];

export const PROJECTED_EVENT_TYPES: readonly ProjectedEventType[] = [
  'Conversation.Started',
  'Conversation.ClientMessageReceived',
  'Conversation.ClientMessageEdited',
  'Conversation.ClientBlockedBot',
  'Conversation.ClientUnblockedBot',
  'Conversation.ClientMediaFetched',
  'Conversation.ClientMediaFetchFailed',
  'Conversation.ManagerMessageQueued',
  'Conversation.MessageDelivered',
  'Conversation.MessageDeliveryFailed',
  'Conversation.ManagerMessageRequeued',
  'Conversation.MessageMarkedSent',
  'Conversation.MarkedRead',
  'Conversation.Archived',
  'Conversation.Unarchived',
  'Conversation.Pinned',
  'Conversation.Unpinned',
  'Conversation.Ignored',
  'Conversation.Unignored',
  'Conversation.MarkedUnread',
  'Crm.ContactCreated',
  'Crm.DealCreated',
  'Crm.TagAdded',
  'Crm.TagRemoved',
  'Crm.ResponsibleManagerAssigned',
  'Crm.ResponsibleManagerUnassigned',
  'Crm.ContactEdited',
  'Crm.SaleRecorded',
  'Crm.DealStageChanged',
  'Crm.DealLineChanged',
  'Crm.AttributionRecorded',
  'Crm.ConversionRecorded',
];

/** Tasks and notes (R4, R5), projected by their own functions (tasks-notes-projection.ts). */
export const TASKS_NOTES_PROJECTED_TYPES: readonly TasksNotesEvent['type'][] = [
  'TasksNotes.TaskCreated',
  'TasksNotes.TaskCompleted',
  'TasksNotes.TaskReopened',
  'TasksNotes.TaskRescheduled',
  'TasksNotes.TaskReminderDue',
  'TasksNotes.NoteAdded',
];

/** The contexts whose events topics the projector reads. */
export const PROJECTED_CONTEXTS = ['conversation', 'crm', 'tasksnotes', 'robots'] as const;

export const isProjectedEvent = (event: EventEnvelope): event is ProjectedEvent =>
  (PROJECTED_EVENT_TYPES as readonly string[]).includes(event.type);

export const isProjectedTasksNotesEvent = (event: EventEnvelope): event is TasksNotesEvent =>
  (TASKS_NOTES_PROJECTED_TYPES as readonly string[]).includes(event.type);

/** The display name of a client or contact: first and last name. */
export const personName = (firstName: string, lastName: string | null): string =>
  [firstName, lastName].filter((part) => part !== null && part.length > 0).join(' ');
