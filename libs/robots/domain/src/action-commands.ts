import {
  CONVERSATION_SERVICE,
  CRM_SERVICE,
  deterministicId,
  noteKey,
  taskKey,
  TASKS_NOTES_SERVICE,
  type AddNoteData,
  type AddTagData,
  type ChangeDealLineData,
  type ChatPlacementData,
  type CreateTaskData,
  type MoveDealToStageData,
  type RemoveTagData,
  type RuleAction,
  type RuleActionKind,
  type SendMessageData,
  type SetResponsibleManagerData,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import type { ConversationParties } from './conversation-parties';
import { taskDueAt } from './task-due-time';
import type { TemplateLibrary } from './template-library';
import { templateMessageContent } from './template-values';

/** Where a run's action goes: one command of the owning service, to its aggregate. */
export type ActionCommand =
  | {
      readonly service: typeof CRM_SERVICE;
      readonly type: 'AddTag';
      readonly aggregateId: string;
      readonly data: AddTagData;
    }
  | {
      readonly service: typeof CRM_SERVICE;
      readonly type: 'RemoveTag';
      readonly aggregateId: string;
      readonly data: RemoveTagData;
    }
  | {
      readonly service: typeof CRM_SERVICE;
      readonly type: 'MoveDealToStage';
      readonly aggregateId: string;
      readonly data: MoveDealToStageData;
    }
  | {
      readonly service: typeof CRM_SERVICE;
      readonly type: 'ChangeDealLine';
      readonly aggregateId: string;
      readonly data: ChangeDealLineData;
    }
  | {
      readonly service: typeof CRM_SERVICE;
      readonly type: 'SetResponsibleManager';
      readonly aggregateId: string;
      readonly data: SetResponsibleManagerData;
    }
  | {
      readonly service: typeof TASKS_NOTES_SERVICE;
      readonly type: 'AddNote';
      readonly aggregateId: string;
      readonly data: AddNoteData;
    }
  | {
      readonly service: typeof TASKS_NOTES_SERVICE;
      readonly type: 'CreateTask';
      readonly aggregateId: string;
      readonly data: CreateTaskData;
    }
  | {
      readonly service: typeof CONVERSATION_SERVICE;
      readonly type: 'ArchiveConversation' | 'PinConversation';
      readonly aggregateId: string;
      readonly data: ChatPlacementData;
    }
  | {
      readonly service: typeof CONVERSATION_SERVICE;
      readonly type: 'SendMessage';
      readonly aggregateId: string;
      readonly data: SendMessageData;
    };

/**
 * An action as a command; a `send_template` whose template the library no longer has (nothing is
 * sent); or the kind of an action this slice does not carry out yet.
 */
export type ActionTranslation =
  | { readonly kind: 'command'; readonly command: ActionCommand }
  | { readonly kind: 'template_missing'; readonly templateId: string }
  | { readonly kind: 'not_available'; readonly action: RuleActionKind };

/** What a robot's template and task know of the client and the workspace when the run is sent. */
export interface ActionClient {
  /** The workspace's templates (templateLibrary). */
  readonly templates: TemplateLibrary;
  /** The values a template is rendered with for this client (templateValues). */
  readonly templateValues: Readonly<Record<string, string>>;
  /** The contact's responsible manager: a robot's task goes to them. */
  readonly responsibleManagerId: string | null;
}

export interface ActionPlace {
  readonly conversationId: string;
  readonly parties: ConversationParties;
  /** The run the action is part of, and the action's index in it (ids derive from both). */
  readonly runId: string;
  readonly index: number;
  /** When the run ran (ISO): a task's due time counts from it. */
  readonly ranAt: string;
  /** The workspace's IANA time zone: a task's due time is written and shown in it. */
  readonly timeZone: string;
  /** Who created the rule: a task goes to them when the contact has no responsible manager. */
  readonly ruleCreatedBy: string;
  /**
   * The manager each `assign_round_robin` action's turn chose, by the action's index in the run
   * (`roundRobinDecider`); an action without one is not carried out.
   */
  readonly roundRobinManagers?: Readonly<Record<number, string>>;
  readonly client: ActionClient;
}

/**
 * One action of a run as the command that does it (A2), addressed to the aggregate the owning
 * service keys it by (contact, deal, note), as the gateway sends the same commands. A robot adds
 * tags as an admin would, so a tag the catalogue lacks is created. `send_template` renders the
 * library's template for the client and sends it as a manager's reply is sent (SendMessage, a
 * message id derived from run and index); `create_task` sets a task due `dueInMinutes` after the
 * run, for the contact's responsible manager, else the rule's creator. `assign_round_robin`
 * makes the manager its turn chose (`roundRobinManagers`) the responsible one; `archive` and
 * `pin` place the chat as a manager's click does.
 */
export const actionCommand = (action: RuleAction, place: ActionPlace): ActionTranslation => {
  const { contactId, dealId, workspaceId } = place.parties;
  const command = (c: ActionCommand): ActionTranslation => ({ kind: 'command', command: c });
  switch (action.kind) {
    case 'add_tag':
      return command({
        service: CRM_SERVICE,
        type: 'AddTag',
        aggregateId: contactId,
        data: { contactId, name: action.tag, actorRole: 'admin' },
      });
    case 'remove_tag':
      return command({
        service: CRM_SERVICE,
        type: 'RemoveTag',
        aggregateId: contactId,
        data: { contactId, name: action.tag },
      });
    case 'change_stage':
      return command({
        service: CRM_SERVICE,
        type: 'MoveDealToStage',
        aggregateId: dealId,
        data: { dealId, stageId: action.stage },
      });
    case 'set_line':
      return command({
        service: CRM_SERVICE,
        type: 'ChangeDealLine',
        aggregateId: dealId,
        data: { dealId, line: action.line },
      });
    case 'assign_manager':
      return command({
        service: CRM_SERVICE,
        type: 'SetResponsibleManager',
        aggregateId: contactId,
        data: { contactId, managerId: action.managerId },
      });
    case 'add_note': {
      const noteId = deterministicId('robot-note', place.runId, place.index);
      return command({
        service: TASKS_NOTES_SERVICE,
        type: 'AddNote',
        aggregateId: noteKey(workspaceId, noteId),
        data: { noteId, conversationId: place.conversationId, text: action.text },
      });
    }
    case 'send_template': {
      const content = templateMessageContent(
        place.client.templates,
        action.templateId,
        place.client.templateValues,
      );
      if (content === null) return { kind: 'template_missing', templateId: action.templateId };
      return command({
        service: CONVERSATION_SERVICE,
        type: 'SendMessage',
        aggregateId: place.conversationId,
        data: {
          conversationId: place.conversationId,
          messageId: deterministicId('robot-message', place.runId, place.index),
          content,
        },
      });
    }
    case 'create_task': {
      const taskId = deterministicId('robot-task', place.runId, place.index);
      return command({
        service: TASKS_NOTES_SERVICE,
        type: 'CreateTask',
        aggregateId: taskKey(workspaceId, taskId),
        data: {
          taskId,
          conversationId: place.conversationId,
          description: action.description,
          dueAt: taskDueAt(place.ranAt, action.dueInMinutes, place.timeZone),
          timeZone: place.timeZone,
          assigneeId: place.client.responsibleManagerId ?? place.ruleCreatedBy,
        },
      });
    }
    case 'assign_round_robin': {
      const managerId = place.roundRobinManagers?.[place.index];
      if (managerId === undefined) return { kind: 'not_available', action: action.kind };
      return command({
        service: CRM_SERVICE,
        type: 'SetResponsibleManager',
        aggregateId: contactId,
        data: { contactId, managerId },
      });
    }
    case 'archive':
    case 'pin': {
      const { conversationId } = place;
      return command({
        service: CONVERSATION_SERVICE,
        type: action.kind === 'archive' ? 'ArchiveConversation' : 'PinConversation',
        aggregateId: conversationId,
        data: { conversationId },
      });
    }
    default:
      return assertNever(action, 'rule action');
  }
};
