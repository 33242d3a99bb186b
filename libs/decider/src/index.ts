export * from './decider';
export * from './domain-rule-violation';
export * from './exhaustive';
export * from './testing/decider-specification';
