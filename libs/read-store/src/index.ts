export type {
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadDocument,
  ReadStore,
  Sort,
  Update,
  UpdateResult,
} from './read-store.port';
export { DuplicateKeyError } from './duplicate-key-error';
export { createInMemoryReadStore } from './in-memory/in-memory-read-store';
export { createMongoReadStore, type MongoReadStoreOptions } from './mongo/mongo-read-store';
export {
  DEFAULT_VERSION_TIMINGS,
  isAbandoned,
  READ_MODEL_VERSIONS_COLLECTION,
  versionedName,
  type NextReadModelVersion,
  type ReadModelVersionDocument,
  type ReadModelVersionTimings,
  type RebuildPhase,
} from './versions/read-model-versions';
export {
  readStoreForEventAt,
  versioned,
  VersionedReadStore,
} from './versions/versioned-read-store';
