import {
  crmEventDefinitions,
  crmSettingsId,
  EventCatalog,
  readEvent,
  streamName,
  templateLibraryId,
} from '@parley/contracts';
import {
  contactDecider,
  crmSettingsDecider,
  type ContactDecidedEvent,
  type ContactState,
  type CrmSettingsDecidedEvent,
  type CrmSettingsState,
} from '@parley/crm-domain';
import { foldEvents } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';

/**
 * Contact, Deal, CRM settings and template library streams: `crm-{contactId}`, `crm-{dealId}`,
 * `crm-{workspaceId}:crm_settings`, `crm-{workspaceId}:templates` (every id carries the workspace).
 */
export const crmStream = (aggregateId: string): string => streamName('crm', aggregateId);

/** A workspace's template library (B1, B3): `crm-{workspaceId}:templates`. */
export const templateLibraryStream = (workspaceId: string): string =>
  crmStream(templateLibraryId(workspaceId));

/** The actor of what the CRM does by itself. */
export const CRM_ACTOR = { kind: 'system', id: 'crm' } as const;

const crmEvents = new EventCatalog().register(...crmEventDefinitions);

/** A workspace's CRM settings (tag catalogue, pipeline) as its stream stands now. */
export const readCrmSettings = async (
  store: EventStore,
  workspaceId: string,
): Promise<CrmSettingsState> => {
  const recorded = await store.readStream(crmStream(crmSettingsId(workspaceId)));
  return foldEvents(
    crmSettingsDecider,
    recorded.map((r) => readEvent(crmEvents, r.event) as unknown as CrmSettingsDecidedEvent),
  );
};

/** A contact as its stream stands now. */
export const readContact = async (store: EventStore, contactId: string): Promise<ContactState> => {
  const recorded = await store.readStream(crmStream(contactId));
  return foldEvents(
    contactDecider,
    recorded.map((r) => readEvent(crmEvents, r.event) as unknown as ContactDecidedEvent),
  );
};
