import type { Attribution, ChannelClient } from '@parley/contracts';
import { assertNever, type Decider } from '@parley/decider';
import type { ContactDecidedEvent } from '../crm-decided-events';

/** Create the client's contact card (R1) the first time the client shows up. */
export interface CreateContact {
  readonly kind: 'CreateContact';
  readonly contactId: string;
  readonly conversationId: string;
  readonly client: ChannelClient;
  readonly attribution: Attribution;
  readonly createdAt: string;
}

export type ContactCommand = CreateContact;

export type ContactState =
  | { readonly status: 'none' }
  | { readonly status: 'created'; readonly contactId: string; readonly attribution: Attribution };

/**
 * The Contact aggregate (stream `crm-{contactId}`). CreateContact arrives from Channel.ClientStarted
 * or from the first Channel.MessageReceived; only the first creates the contact, every later one
 * emits nothing. Not done yet: a later `/start <payload>` for a contact created without
 * attribution (it wrote before pressing a deep link) emits nothing; it will record the
 * attribution when the card's attribution can change (a Crm.AttributionRecorded event).
 */
export const contactDecider: Decider<ContactCommand, ContactDecidedEvent, ContactState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'Crm.ContactCreated':
        return {
          status: 'created',
          contactId: event.data.contactId,
          attribution: event.data.attribution,
        };
      default:
        return assertNever(event.type, 'contact event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'CreateContact':
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
              createdAt: command.createdAt,
            },
          },
        ];
      default:
        return assertNever(command.kind, 'contact command');
    }
  },
};
