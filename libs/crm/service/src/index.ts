export * from './crm-service.module';
export { crmStream, CRM_ACTOR } from './crm-streams';
