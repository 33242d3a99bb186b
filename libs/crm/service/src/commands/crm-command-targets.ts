import { crmSettingsId, templateLibraryId, type CommandEnvelope } from '@parley/contracts';
import { handleCommand, requireSameWorkspace, type CommandHandler } from '@parley/command-handling';
import {
  contactDecider,
  crmSettingsDecider,
  dealDecider,
  templateLibraryDecider,
  type ContactCommand,
  type CrmSettingsCommand,
  type DealCommand,
  type TemplateLibraryCommand,
} from '@parley/crm-domain';
import type { EventStore } from '@parley/eventstore';
import { crmStream, templateLibraryStream } from '../crm-streams';

type Positions = ReturnType<CommandHandler>;

/**
 * The CRM's aggregates as command targets: a Contact or a Deal named by the command (in the
 * sender's workspace only), and the workspace's CRM settings and template library.
 */
export const crmCommandTargets = (store: EventStore) => ({
  onContact: (contactId: string, command: ContactCommand, envelope: CommandEnvelope) => {
    requireSameWorkspace(envelope, contactId, 'contact');
    return handleCommand({
      store,
      streamName: crmStream(contactId),
      aggregateId: contactId,
      decider: contactDecider,
      command,
      envelope,
    });
  },
  onDeal: (dealId: string, command: DealCommand, envelope: CommandEnvelope) => {
    requireSameWorkspace(envelope, dealId, 'deal');
    return handleCommand({
      store,
      streamName: crmStream(dealId),
      aggregateId: dealId,
      decider: dealDecider,
      command,
      envelope,
    });
  },
  onSettings: (
    command: CrmSettingsCommand,
    envelope: CommandEnvelope,
    causationId?: string,
  ): Positions => {
    const id = crmSettingsId(envelope.metadata.workspaceId);
    return handleCommand({
      store,
      streamName: crmStream(id),
      aggregateId: id,
      decider: crmSettingsDecider,
      command,
      envelope,
      causationId,
    });
  },
  onTemplates: (command: TemplateLibraryCommand, envelope: CommandEnvelope): Positions => {
    const id = templateLibraryId(envelope.metadata.workspaceId);
    return handleCommand({
      store,
      streamName: templateLibraryStream(envelope.metadata.workspaceId),
      aggregateId: id,
      decider: templateLibraryDecider,
      command,
      envelope,
    });
  },
});
