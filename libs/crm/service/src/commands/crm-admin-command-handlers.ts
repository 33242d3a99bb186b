import {
  CreateConversionKeyDataDto,
  CreateTrackingLinkDataDto,
  DeleteTagDataDto,
  RecordConversionDataDto,
  RevokeConversionKeyDataDto,
  SetRegistrationLinkTemplateDataDto,
  type CreateConversionKeyData,
  type CreateTrackingLinkData,
  type DeleteTagData,
  type RecordConversionData,
  type RevokeConversionKeyData,
  type SetRegistrationLinkTemplateData,
} from '@parley/contracts';
import { handlerWithData, type CommandHandler } from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import { crmCommandTargets } from './crm-command-targets';

/**
 * The CRM's admin commands beyond tags and stages (issue 10): deleting a tag, the
 * registration-link template (R7), tracking links (R2) and conversion keys (A3); and the
 * conversions external systems report (A3), which land on a contact.
 */
export const crmAdminCommandHandlers = (
  store: EventStore,
): Readonly<Record<string, CommandHandler>> => {
  const { onContact, onSettings } = crmCommandTargets(store);
  return {
    DeleteTag: handlerWithData<DeleteTagData>(DeleteTagDataDto, 'DeleteTag', (data, envelope) =>
      onSettings({ kind: 'DeleteTag', ...data }, envelope),
    ),
    SetRegistrationLinkTemplate: handlerWithData<SetRegistrationLinkTemplateData>(
      SetRegistrationLinkTemplateDataDto,
      'SetRegistrationLinkTemplate',
      (data, envelope) => onSettings({ kind: 'SetRegistrationLinkTemplate', ...data }, envelope),
    ),
    CreateTrackingLink: handlerWithData<CreateTrackingLinkData>(
      CreateTrackingLinkDataDto,
      'CreateTrackingLink',
      (data, envelope) =>
        onSettings(
          { kind: 'CreateTrackingLink', ...data, createdAt: envelope.metadata.issuedAt },
          envelope,
        ),
    ),
    CreateConversionKey: handlerWithData<CreateConversionKeyData>(
      CreateConversionKeyDataDto,
      'CreateConversionKey',
      (data, envelope) =>
        onSettings(
          { kind: 'CreateConversionKey', ...data, createdAt: envelope.metadata.issuedAt },
          envelope,
        ),
    ),
    RevokeConversionKey: handlerWithData<RevokeConversionKeyData>(
      RevokeConversionKeyDataDto,
      'RevokeConversionKey',
      (data, envelope) =>
        onSettings(
          { kind: 'RevokeConversionKey', ...data, revokedAt: envelope.metadata.issuedAt },
          envelope,
        ),
    ),
    RecordConversion: handlerWithData<RecordConversionData>(
      RecordConversionDataDto,
      'RecordConversion',
      ({ contactId, ...conversion }, envelope) =>
        onContact(contactId, { kind: 'RecordConversion', ...conversion }, envelope),
    ),
  };
};
