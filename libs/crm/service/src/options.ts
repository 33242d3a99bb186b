import { CRM_SERVICE } from '@parley/contracts';

export interface CrmServiceOptions {
  /**
   * The service name commands are addressed to: the commands topic `parley.{service}.commands`
   * and the processor's consumer group. Default `crm`; tests give their own, so runs on a
   * shared broker never take each other's commands.
   */
  readonly service: string;
}

export const CRM_SERVICE_OPTIONS = 'parley:CrmServiceOptions';

export const defaultCrmServiceOptions: CrmServiceOptions = { service: CRM_SERVICE };
