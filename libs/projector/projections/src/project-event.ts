import { upcastConversationEvent } from '@parley/contracts';
import { chatListOperations } from './chat-list/chat-list-projection';
import { clientCardOperations } from './client-card/client-card-projection';
import { isProjectedEvent, isProjectedTasksNotesEvent } from './projected-event';
import type { ConversationReadModel, ProjectableEvent, Projection } from './read-model-operation';
import { tasksNotesOperations } from './tasks-notes/tasks-notes-projection';
import { timelineOperations } from './timeline/timeline-projection';

/**
 * What a stored event does to the read models: the operations on `chats`, `timeline` and
 * `cards` of its conversation, or null for an event no conversation's read model shows (the
 * template library's events go to `projectWorkspaceEvent`). Pure: the same event
 * always gives the same operations, and applying them twice changes nothing the second time.
 */
export const projectEvent = (source: ProjectableEvent): Projection | null => {
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

/** The collections a projection writes, in a stable order. */
export const collectionsOf = (projection: Projection): ConversationReadModel[] =>
  (['chats', 'timeline', 'cards'] as const).filter((c) =>
    projection.operations.some((op) => op.collection === c),
  );
