import type { Attribution, ChannelClient } from '@parley/contracts';
import { deciderSpecification } from '@parley/decider';
import type { ContactDecidedEvent } from '../crm-decided-events';
import { contactDecider, type CreateContact } from './contact-decider';

const client: ChannelClient = {
  externalId: '987',
  username: 'anna',
  firstName: 'Anna',
  lastName: 'K',
  languageCode: 'ru',
};
const attribution: Attribution = {
  source: 'facebook',
  campaign: 'summer24',
  ad: 'ad12',
  adSet: 'set3',
  raw: 'facebook-summer24-ad12-set3',
};
const create = (overrides: Partial<CreateContact> = {}): CreateContact => ({
  kind: 'CreateContact',
  contactId: 'ws1:contact:tg:987',
  conversationId: 'ws1:tg:111:987',
  client,
  attribution,
  createdAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});
const created: ContactDecidedEvent = {
  type: 'Crm.ContactCreated',
  data: {
    contactId: 'ws1:contact:tg:987',
    conversationId: 'ws1:tg:111:987',
    channel: 'telegram',
    platform: 'telegram',
    telegramId: '987',
    username: 'anna',
    firstName: 'Anna',
    lastName: 'K',
    languageCode: 'ru',
    attribution,
    createdAt: '2026-01-01T10:00:00.000Z',
  },
};

describe('Contact decider', () => {
  const spec = deciderSpecification(contactDecider);

  it('given no contact, when the client shows up, then the contact is created with their name and attribution', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('given the contact exists, when the client shows up again, then nothing happens', () => {
    spec
      .given([created])
      .when(create({ createdAt: '2026-01-02T00:00:00.000Z' }))
      .then([]);
  });

  it('given a contact created without attribution, when a deep link arrives later, then nothing happens for now', () => {
    const none: Attribution = { source: null, campaign: null, ad: null, adSet: null, raw: null };
    const createdWithout: ContactDecidedEvent = {
      ...created,
      data: { ...created.data, attribution: none },
    };
    spec.given([createdWithout]).when(create()).then([]);
  });
});
