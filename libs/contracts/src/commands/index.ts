export * from './command-envelope';
export * from './command-outcome';
