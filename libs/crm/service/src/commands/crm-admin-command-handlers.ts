import {
  CreateConversionKeyDataDto,
  CreateTrackingLinkDataDto,
  DeleteTagDataDto,
  RecordConversionDataDto,
  RevokeConversionKeyDataDto,
  SetRegistrationLinkTemplateDataDto,
  validatePlain,
  type CreateConversionKeyData,
  type CreateTrackingLinkData,
  type DeleteTagData,
  type RecordConversionData,
  type RevokeConversionKeyData,
  type SetRegistrationLinkTemplateData,
} from '@parley/contracts';
import type { CommandHandler } from '@parley/command-handling';
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
    DeleteTag: async (envelope) => {
      const data = validatePlain<DeleteTagData>(DeleteTagDataDto, envelope.data, 'DeleteTag');
      return onSettings({ kind: 'DeleteTag', ...data }, envelope);
    },
    SetRegistrationLinkTemplate: async (envelope) => {
      const data = validatePlain<SetRegistrationLinkTemplateData>(
        SetRegistrationLinkTemplateDataDto,
        envelope.data,
        'SetRegistrationLinkTemplate',
      );
      return onSettings({ kind: 'SetRegistrationLinkTemplate', ...data }, envelope);
    },
    CreateTrackingLink: async (envelope) => {
      const data = validatePlain<CreateTrackingLinkData>(
        CreateTrackingLinkDataDto,
        envelope.data,
        'CreateTrackingLink',
      );
      return onSettings(
        { kind: 'CreateTrackingLink', ...data, createdAt: envelope.metadata.issuedAt },
        envelope,
      );
    },
    CreateConversionKey: async (envelope) => {
      const data = validatePlain<CreateConversionKeyData>(
        CreateConversionKeyDataDto,
        envelope.data,
        'CreateConversionKey',
      );
      return onSettings(
        { kind: 'CreateConversionKey', ...data, createdAt: envelope.metadata.issuedAt },
        envelope,
      );
    },
    RevokeConversionKey: async (envelope) => {
      const data = validatePlain<RevokeConversionKeyData>(
        RevokeConversionKeyDataDto,
        envelope.data,
        'RevokeConversionKey',
      );
      return onSettings(
        { kind: 'RevokeConversionKey', ...data, revokedAt: envelope.metadata.issuedAt },
        envelope,
      );
    },
    RecordConversion: async (envelope) => {
      const data = validatePlain<RecordConversionData>(
        RecordConversionDataDto,
        envelope.data,
        'RecordConversion',
      );
      const { contactId, ...conversion } = data;
      return onContact(contactId, { kind: 'RecordConversion', ...conversion }, envelope);
    },
  };
};
