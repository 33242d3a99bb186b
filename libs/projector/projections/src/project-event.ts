import { upcastConversationEvent } from '@parley/contracts';
import { chatListOperations } from './chat-list/chat-list-projection';
import { clientCardOperations } from './client-card/client-card-projection';
import { isProjectedEvent, isProjectedTasksNotesEvent } from './projected-event';
import type {
  ConversationReadModel,
  ProjectableEvent,
  Projection,
  WorkspaceProjection,
} from './read-model-operation';
import { isProjectedRobotsEvent, robotRulesProjection } from './robots/robot-rules-projection';
import {
  isProjectedRuleRan,
  robotRunTimelineOperations,
} from './robots/robot-runs-timeline-projection';
import { tasksNotesOperations } from './tasks-notes/tasks-notes-projection';
import {
  isProjectedTemplateLibraryEvent,
  templateLibraryProjection,
} from './templates/template-library-projection';
import { timelineOperations } from './timeline/timeline-projection';
import {
  conversationTranslationProjection,
  isProjectedConversationTranslationEvent,
  isProjectedTranslationSettingsEvent,
  translationSettingsProjection,
} from './translation/translation-projection';

/**
 * What a stored event does to the read models: the operations on `chats`, `timeline` and
 * `cards` of its conversation, or null for an event no conversation's read model shows (the
 * template library's and the robots' rules' events go to `projectWorkspaceEvent`; a rule's run
 * goes to both: its conversation's timeline here, its rule's latest runs there). Pure: the same
 * event always gives the same operations, and applying them twice changes nothing the second time.
 */
export const projectEvent = (source: ProjectableEvent): Projection | null => {
  if (isProjectedRuleRan(source.event)) {
    const event = source.event;
    return {
      workspaceId: event.metadata.workspaceId,
      conversationId: event.data.conversationId,
      operations: robotRunTimelineOperations(event, source),
    };
  }
  if (isProjectedConversationTranslationEvent(source.event)) {
    return conversationTranslationProjection(source.event, source);
  }
  if (isProjectedTasksNotesEvent(source.event)) {
    const event = source.event;
    return {
      workspaceId: event.metadata.workspaceId,
      conversationId: event.data.conversationId,
      operations: tasksNotesOperations(event, source),
    };
  }
  if (!isProjectedEvent(source.event)) return null;
  // Old versions are read as the current one here, once, for every read model.
  const event = upcastConversationEvent(source.event);
  return {
    workspaceId: event.metadata.workspaceId,
    conversationId: event.data.conversationId,
    operations: [
      ...chatListOperations(event, source),
      ...timelineOperations(event, source),
      ...clientCardOperations(event, source),
    ],
  };
};

/**
 * What a stored event does to a read model of its workspace (its template library, its robots'
 * rules), or null for any other event.
 */
export const projectWorkspaceEvent = (source: ProjectableEvent): WorkspaceProjection | null => {
  if (isProjectedTemplateLibraryEvent(source.event)) {
    return templateLibraryProjection(source.event, source);
  }
  if (isProjectedRobotsEvent(source.event)) return robotRulesProjection(source.event, source);
  if (isProjectedTranslationSettingsEvent(source.event)) {
    return translationSettingsProjection(source.event, source);
  }
  return null;
};

/** The collections a projection writes, in a stable order. */
export const collectionsOf = (projection: Projection): ConversationReadModel[] =>
  (['chats', 'timeline', 'cards'] as const).filter((c) =>
    projection.operations.some((op) => op.collection === c),
  );
