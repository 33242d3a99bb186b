import type { DomainEvent } from '../envelope/event-envelope';

/** Where the client came from (R2): parsed from `/start <payload>` or widget parameters. */
export interface Attribution {
  readonly source: string | null;
  readonly campaign: string | null;
  readonly ad: string | null;
  readonly adSet: string | null;
  /** The payload as it arrived, for what the parser did not understand. */
  readonly raw: string | null;
}

/** CRM events; streams `crm-{contactId}` and `crm-{dealId}` (both ids carry the workspace). */
export type ContactCreated = DomainEvent<
  'Crm.ContactCreated',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly channel: 'telegram';
    readonly platform: 'telegram';
    readonly telegramId: string;
    readonly username: string | null;
    readonly firstName: string;
    readonly lastName: string | null;
    readonly languageCode: string | null;
    readonly attribution: Attribution;
    readonly createdAt: string;
  }
>;

export type DealCreated = DomainEvent<
  'Crm.DealCreated',
  {
    readonly dealId: string;
    readonly contactId: string;
    readonly conversationId: string;
    /** The first stage of the workspace's pipeline. */
    readonly stage: string;
    readonly line: 1 | 2;
    readonly channel: 'telegram';
    readonly createdAt: string;
  }
>;

export type CrmEvent = ContactCreated | DealCreated;
export type CrmEventType = CrmEvent['type'];

/** The pipeline every workspace starts with; admins define their own later (A4). */
export const DEFAULT_PIPELINE = ['new', 'in_progress', 'registered', 'deposited', 'lost'] as const;
