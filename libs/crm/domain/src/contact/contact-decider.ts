import {
  normalizedAmount,
  toMinorUnits,
  type Attribution,
  type ChannelClient,
  type ContactFieldChange,
  type Tag,
} from '@parley/contracts';
import { assertNever, DomainRuleViolation, type Decider } from '@parley/decider';
import type { ContactDecidedEvent } from '../crm-decided-events';
import { sameName } from '../names';

/** Create the client's contact card (R1) the first time the client shows up. */
export interface CreateContact {
  readonly kind: 'CreateContact';
  readonly contactId: string;
  readonly conversationId: string;
  readonly client: ChannelClient;
  readonly attribution: Attribution;
  /** Created by the client's `/start` (its attribution is final), not by a message. */
  readonly started: boolean;
  readonly createdAt: string;
}

/**
 * The client sent `/start` (R2): the first one of a contact created by a message records what
 * it carried; every later one changes nothing.
 */
export interface RecordStart {
  readonly kind: 'RecordStart';
  readonly attribution: Attribution;
}

/** An external system's registration or deposit (A3), once per external id. */
export interface RecordConversion {
  readonly kind: 'RecordConversion';
  readonly conversionType: 'registration' | 'deposit';
  readonly externalId: string;
  readonly keyId: string;
  /** A decimal string valid for the currency (the DTO checked it), with `currency`, or null. */
  readonly amount: string | null;
  readonly currency: string | null;
  readonly accountId: string | null;
  readonly occurredAt: string;
}

/** Tag the contact; the tag comes from the catalogue (the handler looked it up or created it). */
export interface AddTag {
  readonly kind: 'AddTag';
  readonly tag: Tag;
}

export interface RemoveTag {
  readonly kind: 'RemoveTag';
  readonly name: string;
}

/** Assign, or reassign, the contact's responsible manager. */
export interface AssignResponsibleManager {
  readonly kind: 'AssignResponsibleManager';
  readonly managerId: string;
}

export interface UnassignResponsibleManager {
  readonly kind: 'UnassignResponsibleManager';
}

/** A manager edits name, country, phone (R1); undefined keeps a field, null clears it. */
export interface EditContact {
  readonly kind: 'EditContact';
  readonly name?: string;
  readonly country?: string | null;
  readonly phone?: string | null;
}

/** A manual sale (R6): amount a decimal string valid for the currency (the DTO checked it). */
export interface RecordSale {
  readonly kind: 'RecordSale';
  readonly saleId: string;
  readonly accountId: string;
  readonly amount: string;
  readonly currency: string;
  readonly recordedAt: string;
}

export type ContactCommand =
  | CreateContact
  | AddTag
  | RemoveTag
  | AssignResponsibleManager
  | UnassignResponsibleManager
  | EditContact
  | RecordSale
  | RecordStart
  | RecordConversion;

export type ContactState =
  | { readonly status: 'none' }
  | {
      readonly status: 'created';
      readonly contactId: string;
      readonly conversationId: string;
      readonly attribution: Attribution;
      readonly started: boolean;
      readonly name: string;
      readonly country: string | null;
      readonly phone: string | null;
      readonly tags: readonly Tag[];
      readonly responsibleManagerId: string | null;
      readonly saleIds: readonly string[];
      /** External ids of the conversions recorded. */
      readonly conversionIds: readonly string[];
    };

type Created = Extract<ContactState, { status: 'created' }>;

const personName = (firstName: string, lastName: string | null): string =>
  [firstName, lastName].filter((p) => p !== null && p.length > 0).join(' ');

const evolveCreated = (state: ContactState, change: (s: Created) => Created): ContactState =>
  state.status === 'created' ? change(state) : state;

/**
 * The Contact aggregate (stream `crm-{contactId}`). CreateContact arrives from Channel.ClientStarted
 * or from the first Channel.MessageReceived; only the first creates the contact, every later one
 * emits nothing. Managers then tag it, assign it, edit its fields and record sales; a command
 * that changes nothing emits nothing. Attribution is set by the client's first `/start` only
 * (at creation, or Crm.AttributionRecorded when a message came first); conversions from
 * external systems are recorded once per external id.
 */
export const contactDecider: Decider<ContactCommand, ContactDecidedEvent, ContactState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Crm.ContactCreated': {
        const d = event.data;
        return {
          status: 'created',
          contactId: d.contactId,
          conversationId: d.conversationId,
          attribution: d.attribution,
          started: d.started ?? d.attribution.raw !== null,
          name: personName(d.firstName, d.lastName),
          country: null,
          phone: null,
          tags: [],
          responsibleManagerId: null,
          saleIds: [],
          conversionIds: [],
        };
      }
      case 'Crm.AttributionRecorded':
        return evolveCreated(state, (s) => ({
          ...s,
          started: true,
          attribution: event.data.attribution,
        }));
      case 'Crm.ConversionRecorded':
        return evolveCreated(state, (s) => ({
          ...s,
          conversionIds: [...s.conversionIds, event.data.externalId],
        }));
      case 'Crm.TagAdded':
      case 'Crm.TagRemoved':
        return evolveCreated(state, (s) => ({ ...s, tags: event.data.tags }));
      case 'Crm.ResponsibleManagerAssigned':
        return evolveCreated(state, (s) => ({ ...s, responsibleManagerId: event.data.managerId }));
      case 'Crm.ResponsibleManagerUnassigned':
        return evolveCreated(state, (s) => ({ ...s, responsibleManagerId: null }));
      case 'Crm.ContactEdited':
        return evolveCreated(state, (s) =>
          event.data.changes.reduce<Created>(
            (acc, c) =>
              c.field === 'name' ? { ...acc, name: c.to ?? '' } : { ...acc, [c.field]: c.to },
            s,
          ),
        );
      case 'Crm.SaleRecorded':
        return evolveCreated(state, (s) => ({ ...s, saleIds: [...s.saleIds, event.data.saleId] }));
      default:
        return assertNever(event, 'contact event');
    }
  },
  decide: (command, state) => {
    if (command.kind === 'CreateContact') {
      if (state.status === 'created') return [];
      return [
        {
          type: 'Crm.ContactCreated',
          data: {
            contactId: command.contactId,
            conversationId: command.conversationId,
            channel: 'telegram',
            platform: 'telegram',
            telegramId: command.client.externalId,
            username: command.client.username,
            firstName: command.client.firstName,
            lastName: command.client.lastName,
            languageCode: command.client.languageCode,
            attribution: command.attribution,
            started: command.started,
            createdAt: command.createdAt,
          },
        },
      ];
    }
    if (state.status !== 'created') {
      throw new DomainRuleViolation(
        'contact.not_found',
        'There is no contact for this conversation yet: the client has not written.',
      );
    }
    const { contactId, conversationId } = state;
    switch (command.kind) {
      case 'AddTag': {
        if (state.tags.some((t) => sameName(t.name, command.tag.name))) return [];
        return [
          {
            type: 'Crm.TagAdded',
            data: {
              contactId,
              conversationId,
              tag: command.tag,
              tags: [...state.tags, command.tag],
            },
          },
        ];
      }
      case 'RemoveTag': {
        const tag = state.tags.find((t) => sameName(t.name, command.name));
        if (!tag) return [];
        return [
          {
            type: 'Crm.TagRemoved',
            data: { contactId, conversationId, tag, tags: state.tags.filter((t) => t !== tag) },
          },
        ];
      }
      case 'AssignResponsibleManager':
        if (state.responsibleManagerId === command.managerId) return [];
        return [
          {
            type: 'Crm.ResponsibleManagerAssigned',
            data: {
              contactId,
              conversationId,
              managerId: command.managerId,
              previousManagerId: state.responsibleManagerId,
            },
          },
        ];
      case 'UnassignResponsibleManager':
        if (state.responsibleManagerId === null) return [];
        return [
          {
            type: 'Crm.ResponsibleManagerUnassigned',
            data: { contactId, conversationId, previousManagerId: state.responsibleManagerId },
          },
        ];
      case 'EditContact': {
        const changes: ContactFieldChange[] = [];
        if (command.name !== undefined && command.name !== state.name) {
          changes.push({ field: 'name', from: state.name, to: command.name });
        }
        if (command.country !== undefined && command.country !== state.country) {
          changes.push({ field: 'country', from: state.country, to: command.country });
        }
        if (command.phone !== undefined && command.phone !== state.phone) {
          changes.push({ field: 'phone', from: state.phone, to: command.phone });
        }
        if (changes.length === 0) return [];
        return [{ type: 'Crm.ContactEdited', data: { contactId, conversationId, changes } }];
      }
      case 'RecordSale': {
        if (state.saleIds.includes(command.saleId)) return [];
        return [
          {
            type: 'Crm.SaleRecorded',
            data: {
              contactId,
              conversationId,
              saleId: command.saleId,
              accountId: command.accountId,
              amount: normalizedAmount(command.amount, command.currency),
              amountMinor: toMinorUnits(command.amount, command.currency),
              currency: command.currency,
              recordedAt: command.recordedAt,
            },
          },
        ];
      }
      case 'RecordStart':
        if (state.started) return [];
        return [
          {
            type: 'Crm.AttributionRecorded',
            data: { contactId, conversationId, attribution: command.attribution },
          },
        ];
      case 'RecordConversion': {
        if (state.conversionIds.includes(command.externalId)) return [];
        const { amount, currency } = command;
        const money =
          amount !== null && currency !== null
            ? {
                amount: normalizedAmount(amount, currency),
                amountMinor: toMinorUnits(amount, currency),
                currency,
              }
            : { amount: null, amountMinor: null, currency: null };
        return [
          {
            type: 'Crm.ConversionRecorded',
            data: {
              contactId,
              conversationId,
              conversionType: command.conversionType,
              externalId: command.externalId,
              keyId: command.keyId,
              ...money,
              accountId: command.accountId,
              occurredAt: command.occurredAt,
            },
          },
        ];
      }
      default:
        return assertNever(command, 'contact command');
    }
  },
};
