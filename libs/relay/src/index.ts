export * from './checkpoint-store';
export * from './relay';
