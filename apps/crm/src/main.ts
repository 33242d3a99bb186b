import 'reflect-metadata';
import { loadConfigOrExit } from '@parley/config';
import { CrmServiceModule } from '@parley/crm-service';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';

/** The CRM service as its own process: contacts and deals, on PostgreSQL + Kafka. */
void runServiceProcess('crm', loadConfigOrExit(ServiceProcessConfig), async () => ({
  modules: [CrmServiceModule.register()],
}));
