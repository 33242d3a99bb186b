export * from './postgres';
export * from './kafka';
export * from './skip-notice';
export * from './wait-until';
export * from './service-process';
export * from './free-port';
export { mongoEngineAt, reportMongoEngine, type MongoEngine } from './mongo-engine';
export { seededRandom } from './seeded-random';
