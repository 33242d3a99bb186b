export * from './conversation-service.module';
export * from './options';
export { conversationStream } from './conversation-stream';
