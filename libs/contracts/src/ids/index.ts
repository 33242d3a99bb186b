export * from './deterministic-id';
export * from './aggregate-ids';
