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
import {
  handlerWithData,
  requireSameWorkspace,
  type CommandHandler,
} from '@parley/command-handling';
import { DEFAULT_TAG_COLOUR, findTag } from '@parley/crm-domain';
import type { EventStore } from '@parley/eventstore';
import { readContact, readCrmSettings } from '../crm-streams';
import { crmAdminCommandHandlers } from './crm-admin-command-handlers';
import { crmCommandTargets } from './crm-command-targets';
import { templateCommandHandlers } from './template-command-handlers';

/**
 * The CRM's commands from the gateway (issue 10): tags, responsible manager, contact fields and
 * sales on a Contact; stage and line on a Deal; the tag catalogue and the pipeline on the
 * workspace's CRM settings; reply templates and variables on its template library (issue 13).
 * A broken data contract throws ContractViolation and a broken rule DomainRuleViolation; the
 * CommandProcessor turns both into rejected outcomes.
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
    RemoveTag: handlerWithData<RemoveTagData>(RemoveTagDataDto, 'RemoveTag', (data, envelope) =>
      onContact(data.contactId, { kind: 'RemoveTag', name: data.name }, envelope),
    ),
    SetResponsibleManager: handlerWithData<SetResponsibleManagerData>(
      SetResponsibleManagerDataDto,
      'SetResponsibleManager',
      (data, envelope) =>
        onContact(
          data.contactId,
          data.managerId === null
            ? { kind: 'UnassignResponsibleManager' }
            : { kind: 'AssignResponsibleManager', managerId: data.managerId },
          envelope,
        ),
    ),
    EditContact: async (envelope) => {
      const data = validatePlain<EditContactData>(EditContactDataDto, envelope.data, 'EditContact');
      const { contactId, ...fields } = data;
      return onContact(contactId, { kind: 'EditContact', ...fields }, envelope);
    },
    RecordSale: handlerWithData<RecordSaleData>(RecordSaleDataDto, 'RecordSale', (data, envelope) =>
      onContact(
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
      ),
    ),
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
    ChangeDealLine: handlerWithData<ChangeDealLineData>(
      ChangeDealLineDataDto,
      'ChangeDealLine',
      (data, envelope) =>
        onDeal(data.dealId, { kind: 'ChangeDealLine', line: data.line }, envelope),
    ),
    CreateTag: handlerWithData<CreateTagData>(CreateTagDataDto, 'CreateTag', (data, envelope) =>
      onSettings({ kind: 'CreateTag', ...data, onTheFly: false }, envelope),
    ),
    ChangeTagColour: handlerWithData<ChangeTagColourData>(
      ChangeTagColourDataDto,
      'ChangeTagColour',
      (data, envelope) => onSettings({ kind: 'ChangeTagColour', ...data }, envelope),
    ),
    ChangeTagSettings: handlerWithData<ChangeTagSettingsData>(
      ChangeTagSettingsDataDto,
      'ChangeTagSettings',
      (data, envelope) => onSettings({ kind: 'ChangeTagSettings', ...data }, envelope),
    ),
    AddStage: handlerWithData<AddStageData>(AddStageDataDto, 'AddStage', (data, envelope) =>
      onSettings({ kind: 'AddStage', ...data }, envelope),
    ),
    RenameStage: handlerWithData<RenameStageData>(
      RenameStageDataDto,
      'RenameStage',
      (data, envelope) => onSettings({ kind: 'RenameStage', ...data }, envelope),
    ),
    ReorderStages: handlerWithData<ReorderStagesData>(
      ReorderStagesDataDto,
      'ReorderStages',
      (data, envelope) => onSettings({ kind: 'ReorderStages', ...data }, envelope),
    ),
    RetireStage: handlerWithData<RetireStageData>(
      RetireStageDataDto,
      'RetireStage',
      (data, envelope) => onSettings({ kind: 'RetireStage', ...data }, envelope),
    ),
    ...crmAdminCommandHandlers(store),
    ...templateCommandHandlers(store),
  };
};
