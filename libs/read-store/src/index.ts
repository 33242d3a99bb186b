export * from './read-store.port';
export { DuplicateKeyError } from './duplicate-key-error';
export { createInMemoryReadStore } from './in-memory/in-memory-read-store';
export { matchesFilter } from './in-memory/query-matcher';
export { applyUpdate, upsertSeed } from './in-memory/update-applier';
export { sortDocuments } from './in-memory/sort-documents';
export { createMongoReadStore, type MongoReadStoreOptions } from './mongo/mongo-read-store';
export * from './versions/read-model-versions';
export {
  VersionedReadStore,
  readStoreForEventAt,
  versioned,
} from './versions/versioned-read-store';
