export * from './projector-service.module';
export * from './projector';
export { PROJECTOR_CONSUMER } from './projector.controller';
export * from './apply-projection';
export * from './rebuild-read-models';
export * from './read-model-indexes';
export * from './projectable-event-sources';
export * from './staged-writes';
export { catchUpSearchIndex, type SearchCatchUpReport } from './catch-up-search-index';
