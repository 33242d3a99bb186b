import type { ContactEvent } from '@parley/contracts';
import { assertNever } from '@parley/decider';

/**
 * What the robots' actions know of a conversation's client besides the facts rules test: the
 * contact's name (for `{user_name}`) and responsible manager (a robot's task goes to them),
 * folded from the contact's stream `crm-{contactId}`.
 */
export interface ClientDetails {
  /** First and last name as the contact was created, or the name a manager gave it since. */
  readonly name: string;
  readonly responsibleManagerId: string | null;
}

/** Before the contact exists: no name, no manager. */
export const noClientDetails = (): ClientDetails => ({ name: '', responsibleManagerId: null });

const personName = (firstName: string, lastName: string | null): string =>
  [firstName, lastName].filter((part) => part !== null && part.length > 0).join(' ');

/** One contact event on the details; events about tags, sales and conversions change nothing. */
export const evolveClientDetails = (details: ClientDetails, event: ContactEvent): ClientDetails => {
  switch (event.type) {
    case 'Crm.ContactCreated':
      return { ...details, name: personName(event.data.firstName, event.data.lastName) };
    case 'Crm.ContactEdited': {
      const name = event.data.changes.find((change) => change.field === 'name');
      return name ? { ...details, name: name.to ?? '' } : details;
    }
    case 'Crm.ResponsibleManagerAssigned':
      return { ...details, responsibleManagerId: event.data.managerId };
    case 'Crm.ResponsibleManagerUnassigned':
      return { ...details, responsibleManagerId: null };
    case 'Crm.TagAdded':
    case 'Crm.TagRemoved':
    case 'Crm.SaleRecorded':
    case 'Crm.AttributionRecorded':
    case 'Crm.ConversionRecorded':
      return details;
    default:
      return assertNever(event, 'contact event');
  }
};

/** The client's details from the contact's events, in stream order. */
export const clientDetails = (events: readonly ContactEvent[]): ClientDetails =>
  events.reduce(evolveClientDetails, noClientDetails());
