export * from './bot-api-stand-in';
export * from './sample-updates';
export * from './queued-messages';
