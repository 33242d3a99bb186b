export * from './crm-events';
export { crmEventDefinitions } from './crm-event-definitions';
