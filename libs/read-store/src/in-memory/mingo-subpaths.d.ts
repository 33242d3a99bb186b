/**
 * mingo's subpath exports, typed for this workspace's `moduleResolution: node`, which reads no
 * `exports` map (Node and Jest do, so these resolve at run time to mingo's CommonJS build).
 */
declare module 'mingo/query' {
  export { Query } from 'mingo/types/query';
}

declare module 'mingo/operators/query' {
  export * from 'mingo/types/operators/query';
}
