import {
  AddStageDataDto,
  AddTagDataDto,
  ChangeDealLineDataDto,
  ChangeTagColourDataDto,
  ChangeTagSettingsDataDto,
  CreateTagDataDto,
  deterministicId,
  EditContactDataDto,
  MoveDealToStageDataDto,
  RecordSaleDataDto,
  RemoveTagDataDto,
  RenameStageDataDto,
  ReorderStagesDataDto,
  RetireStageDataDto,
  SetResponsibleManagerDataDto,
  validatePlain,
  type AddStageData,
  type AddTagData,
  type ChangeDealLineData,
  type ChangeTagColourData,
  type ChangeTagSettingsData,
  type CreateTagData,
  type EditContactData,
  type MoveDealToStageData,
  type RecordSaleData,
  type RemoveTagData,
  type RenameStageData,
  type ReorderStagesData,
  type RetireStageData,
  type SetResponsibleManagerData,
} from '@parley/contracts';
import { requireSameWorkspace, type CommandHandler } from '@parley/command-handling';
import { DEFAULT_TAG_COLOUR, findTag } from '@parley/crm-domain';
import type { EventStore } from '@parley/eventstore';
import { readContact, readCrmSettings } from '../crm-streams';
import { crmAdminCommandHandlers } from './crm-admin-command-handlers';
import { crmCommandTargets } from './crm-command-targets';

/**
 * The CRM's commands from the gateway (issue 10): tags, responsible manager, contact fields and
 * sales on a Contact; stage and line on a Deal; the tag catalogue and the pipeline on the
 * workspace's CRM settings. A broken data contract throws ContractViolation and a broken rule
 * DomainRuleViolation; the CommandProcessor turns both into rejected outcomes.
 */
export const crmCommandHandlers = (store: EventStore): Readonly<Record<string, CommandHandler>> => {
  const { onContact, onDeal, onSettings } = crmCommandTargets(store);

  return {
    AddTag: async (envelope) => {
      const data = validatePlain<AddTagData>(AddTagDataDto, envelope.data, 'AddTag');
      requireSameWorkspace(envelope, data.contactId, 'contact');
      if ((await readContact(store, data.contactId)).status !== 'created') {
        return onContact(
          data.contactId,
          { kind: 'AddTag', tag: { name: data.name, colour: DEFAULT_TAG_COLOUR } },
          envelope,
        );
      }
      const workspaceId = envelope.metadata.workspaceId;
      const positions = [];
      let tag = findTag(await readCrmSettings(store, workspaceId), data.name);
      if (!tag) {
        // A tag the catalogue lacks: created on the fly if the role may (the settings decider
        // says), as a command of its own whose id derives from this one (event ids stay unique).
        const created = {
          ...envelope,
          commandId: deterministicId('crm', 'tag-on-the-fly', envelope.commandId),
          type: 'CreateTag',
        };
        positions.push(
          ...(await onSettings(
            {
              kind: 'CreateTag',
              name: data.name,
              colour: DEFAULT_TAG_COLOUR,
              actorRole: data.actorRole,
              onTheFly: true,
            },
            created,
            envelope.commandId,
          )),
        );
        tag = findTag(await readCrmSettings(store, workspaceId), data.name);
        if (!tag) throw new Error(`tag "${data.name}" was not created`);
      }
      positions.push(...(await onContact(data.contactId, { kind: 'AddTag', tag }, envelope)));
      return positions;
    },
    RemoveTag: async (envelope) => {
      const data = validatePlain<RemoveTagData>(RemoveTagDataDto, envelope.data, 'RemoveTag');
      return onContact(data.contactId, { kind: 'RemoveTag', name: data.name }, envelope);
    },
    SetResponsibleManager: async (envelope) => {
      const data = validatePlain<SetResponsibleManagerData>(
        SetResponsibleManagerDataDto,
        envelope.data,
        'SetResponsibleManager',
      );
      return onContact(
        data.contactId,
        data.managerId === null
          ? { kind: 'UnassignResponsibleManager' }
          : { kind: 'AssignResponsibleManager', managerId: data.managerId },
        envelope,
      );
    },
    EditContact: async (envelope) => {
      const data = validatePlain<EditContactData>(EditContactDataDto, envelope.data, 'EditContact');
      const { contactId, ...fields } = data;
      return onContact(contactId, { kind: 'EditContact', ...fields }, envelope);
    },
    RecordSale: async (envelope) => {
      const data = validatePlain<RecordSaleData>(RecordSaleDataDto, envelope.data, 'RecordSale');
      return onContact(
        data.contactId,
        {
          kind: 'RecordSale',
          saleId: data.saleId,
          accountId: data.accountId,
          amount: data.amount,
          currency: data.currency,
          recordedAt: envelope.metadata.issuedAt,
        },
        envelope,
      );
    },
    MoveDealToStage: async (envelope) => {
      const data = validatePlain<MoveDealToStageData>(
        MoveDealToStageDataDto,
        envelope.data,
        'MoveDealToStage',
      );
      requireSameWorkspace(envelope, data.dealId, 'deal');
      const settings = await readCrmSettings(store, envelope.metadata.workspaceId);
      return onDeal(
        data.dealId,
        { kind: 'MoveDealToStage', stageId: data.stageId, pipeline: settings.stages },
        envelope,
      );
    },
    ChangeDealLine: async (envelope) => {
      const data = validatePlain<ChangeDealLineData>(
        ChangeDealLineDataDto,
        envelope.data,
        'ChangeDealLine',
      );
      return onDeal(data.dealId, { kind: 'ChangeDealLine', line: data.line }, envelope);
    },
    CreateTag: async (envelope) => {
      const data = validatePlain<CreateTagData>(CreateTagDataDto, envelope.data, 'CreateTag');
      return onSettings({ kind: 'CreateTag', ...data, onTheFly: false }, envelope);
    },
    ChangeTagColour: async (envelope) => {
      const data = validatePlain<ChangeTagColourData>(
        ChangeTagColourDataDto,
        envelope.data,
        'ChangeTagColour',
      );
      return onSettings({ kind: 'ChangeTagColour', ...data }, envelope);
    },
    ChangeTagSettings: async (envelope) => {
      const data = validatePlain<ChangeTagSettingsData>(
        ChangeTagSettingsDataDto,
        envelope.data,
        'ChangeTagSettings',
      );
      return onSettings({ kind: 'ChangeTagSettings', ...data }, envelope);
    },
    AddStage: async (envelope) => {
      const data = validatePlain<AddStageData>(AddStageDataDto, envelope.data, 'AddStage');
      return onSettings({ kind: 'AddStage', ...data }, envelope);
    },
    RenameStage: async (envelope) => {
      const data = validatePlain<RenameStageData>(RenameStageDataDto, envelope.data, 'RenameStage');
      return onSettings({ kind: 'RenameStage', ...data }, envelope);
    },
    ReorderStages: async (envelope) => {
      const data = validatePlain<ReorderStagesData>(
        ReorderStagesDataDto,
        envelope.data,
        'ReorderStages',
      );
      return onSettings({ kind: 'ReorderStages', ...data }, envelope);
    },
    RetireStage: async (envelope) => {
      const data = validatePlain<RetireStageData>(RetireStageDataDto, envelope.data, 'RetireStage');
      return onSettings({ kind: 'RetireStage', ...data }, envelope);
    },
    ...crmAdminCommandHandlers(store),
  };
};
