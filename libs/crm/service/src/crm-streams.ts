import { streamName } from '@parley/contracts';

/** Contact and Deal streams: `crm-{contactId}`, `crm-{dealId}` (both ids carry the workspace). */
export const crmStream = (aggregateId: string): string => streamName('crm', aggregateId);

/** The actor of what the CRM does by itself. */
export const CRM_ACTOR = { kind: 'system', id: 'crm' } as const;

export const CRM_SERVICE = 'crm';
