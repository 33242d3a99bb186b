import { AdminGuard } from './admin.guard';
import { ContactCommandsController } from './contact-commands.controller';
import { CrmSettingsController } from './crm-settings.controller';
import { CrmSettingsQueries } from './crm-settings-queries';
import { CrmAdminController } from './crm-admin.controller';
import { ConversionsController } from '../conversions/conversions.controller';
import { ConversionSignatureGuard } from '../conversions/conversion-signature.guard';

/** The gateway's CRM routes (issue 10), mounted by GatewayServiceModule. */
export const CRM_GATEWAY_CONTROLLERS = [
  ContactCommandsController,
  CrmSettingsController,
  CrmAdminController,
  ConversionsController,
];
export const CRM_GATEWAY_PROVIDERS = [AdminGuard, CrmSettingsQueries, ConversionSignatureGuard];
