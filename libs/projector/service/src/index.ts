export { ProjectorServiceModule } from './projector-service.module';
export { rebuildReadModels, type RebuildOptions, type RebuildReport } from './rebuild-read-models';
export { ensureReadModelIndexes } from './read-model-indexes';
export { StagedWrites } from './staged-writes';
export { catchUpSearchIndex, type SearchCatchUpReport } from './catch-up-search-index';
export {
  rebuildReadModelOnline,
  REBUILDABLE_READ_MODELS,
  RebuildRefused,
  type OnlineRebuildOptions,
  type OnlineRebuildReport,
} from './online-rebuild';
export { rebuildOpsAction } from './rebuild-ops-action';
