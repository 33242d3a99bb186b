export * from './bot-api-stand-in';
export * from './sample-updates';
