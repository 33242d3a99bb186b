export * from './crm-events';
