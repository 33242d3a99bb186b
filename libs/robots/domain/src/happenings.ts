import type {
  ClientMessageReceived,
  ConversionRecorded,
  DealStageChanged,
  MessageContent,
  TagAdded,
  TagRemoved,
  TaskReminderDue,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import type { Happening } from './rule-evaluation';

/** The events that start rules in this slice (A2); a task's reminder fired: it is overdue. */
export type TriggerEvent =
  | ClientMessageReceived
  | TagAdded
  | TagRemoved
  | DealStageChanged
  | ConversionRecorded
  | TaskReminderDue;

/** What a rule's keywords and patterns read: a text's text, a media's caption, else nothing. */
export const textOfContent = (content: MessageContent): string | null => {
  if (content.kind === 'text') return content.text;
  return 'caption' in content ? content.caption : null;
};

/**
 * A triggering event in the terms of triggers. `first` says whether a client message is the
 * conversation's first client message (the caller reads the conversation to know).
 */
export const happeningOf = (event: TriggerEvent, first = false): Happening => {
  switch (event.type) {
    case 'Conversation.ClientMessageReceived':
      return { kind: 'client_message', text: textOfContent(event.data.content), first };
    case 'Crm.TagAdded':
      return { kind: 'tag_added', tag: event.data.tag.name };
    case 'Crm.TagRemoved':
      return { kind: 'tag_removed', tag: event.data.tag.name };
    case 'Crm.DealStageChanged':
      return { kind: 'stage_changed', stage: event.data.to };
    case 'Crm.ConversionRecorded':
      return { kind: 'conversion_recorded', conversionType: event.data.conversionType };
    case 'TasksNotes.TaskReminderDue':
      return { kind: 'task_overdue' };
    default:
      return assertNever(event, 'trigger event');
  }
};
