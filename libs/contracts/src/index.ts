export * from './envelope';
export * from './commands';
export * from './topics';
export * from './ids';
export * from './validation';
export * from './upcasting';
