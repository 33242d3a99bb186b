import { AdminGuard } from './admin.guard';
import { ContactCommandsController } from './contact-commands.controller';
import { CrmSettingsController } from './crm-settings.controller';
import { CrmSettingsQueries } from './crm-settings-queries';

/** The gateway's CRM routes (issue 10), mounted by GatewayServiceModule. */
export const CRM_GATEWAY_CONTROLLERS = [ContactCommandsController, CrmSettingsController];
export const CRM_GATEWAY_PROVIDERS = [AdminGuard, CrmSettingsQueries];
