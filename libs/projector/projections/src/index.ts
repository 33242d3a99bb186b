export * from './read-model-operation';
export * from './applied-revision';
export * from './insert-defaults';
export * from './projected-event';
export * from './chat-list/chat-list-projection';
export * from './timeline/timeline-projection';
export * from './client-card/client-card-projection';
export * from './tasks-notes/tasks-notes-projection';
export * from './templates/template-library-projection';
export * from './robots/robot-rules-projection';
export * from './robots/robot-runs-timeline-projection';
export * from './translation/translation-projection';
export * from './project-event';
export type {
  SearchContactProfile,
  SearchContactTags,
  SearchConversationActivity,
  SearchMessage,
  SearchMessageLanguage,
  SearchMessageTranslation,
  SearchOperation,
} from './search/search-operation';
export { searchableText, searchOperations } from './search/search-projection';
export * from './testing/conversation-history';
