import {
  CRM_SERVICE,
  deterministicId,
  noteKey,
  TASKS_NOTES_SERVICE,
  type AddNoteData,
  type AddTagData,
  type ChangeDealLineData,
  type MoveDealToStageData,
  type RemoveTagData,
  type RuleAction,
  type RuleActionKind,
  type SetResponsibleManagerData,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import type { ConversationParties } from './conversation-parties';

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
    };

/** An action as a command, or the kind of an action this slice does not carry out yet. */
export type ActionTranslation =
  | { readonly kind: 'command'; readonly command: ActionCommand }
  | { readonly kind: 'not_available'; readonly action: RuleActionKind };

export interface ActionPlace {
  readonly conversationId: string;
  readonly parties: ConversationParties;
  /** The run the action is part of, and the action's index in it (ids derive from both). */
  readonly runId: string;
  readonly index: number;
}

/**
 * One action of a run as the command that does it (A2), addressed to the aggregate the owning
 * service keys it by (contact, deal, note), as the gateway sends the same commands. A robot adds
 * tags as an admin would, so a tag the catalogue lacks is created. `send_template`,
 * `create_task`, `assign_round_robin`, `archive` and `pin` are not carried out in this slice.
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
    case 'send_template':
    case 'create_task':
    case 'assign_round_robin':
    case 'archive':
    case 'pin':
      return { kind: 'not_available', action: action.kind };
    default:
      return assertNever(action, 'rule action');
  }
};
