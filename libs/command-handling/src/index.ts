export * from './event-metadata-for-command';
export * from './handle-command';
export * from './command-outcome-log';
export * from './command-processor';
export * from './command-sender';
export * from './reaction-command';
export * from './require-same-workspace';
export * from './handler-with-data';
