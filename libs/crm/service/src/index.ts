export { CrmServiceModule } from './crm-service.module';
export { CRM_SERVICE_OPTIONS, defaultCrmServiceOptions, type CrmServiceOptions } from './options';
export { crmStream, CRM_ACTOR } from './crm-streams';
