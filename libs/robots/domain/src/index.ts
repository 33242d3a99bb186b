export * from './keyword-match';
export * from './rule-evaluation';
export * from './rule-problems';
export * from './safe-pattern';
export * from './working-time';
export * from './rule-decider';
