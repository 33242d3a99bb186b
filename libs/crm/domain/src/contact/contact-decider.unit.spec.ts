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
  raw: 'summer24fb',
};
const create = (overrides: Partial<CreateContact> = {}): CreateContact => ({
  kind: 'CreateContact',
  contactId: 'ws1:contact:tg:987',
  conversationId: 'ws1:tg:111:987',
  client,
  attribution,
  started: true,
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
    started: true,
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

  const none: Attribution = { source: null, campaign: null, ad: null, adSet: null, raw: null };
  const createdByMessage: ContactDecidedEvent = {
    ...created,
    data: { ...created.data, attribution: none, started: false },
  };
  const attributionRecorded: ContactDecidedEvent = {
    type: 'Crm.AttributionRecorded',
    data: { contactId: 'ws1:contact:tg:987', conversationId: 'ws1:tg:111:987', attribution },
  };

  it('given a contact created by a message, when the first /start arrives, then its attribution is recorded', () => {
    spec
      .given([createdByMessage])
      .when({ kind: 'RecordStart', attribution })
      .then([attributionRecorded]);
  });

  it('given the first /start was recorded, when another /start arrives, then nothing changes', () => {
    spec
      .given([createdByMessage, attributionRecorded])
      .when({ kind: 'RecordStart', attribution: { ...none, source: 'google', raw: 'x' } })
      .then([]);
  });

  it('given a contact created by /start, when /start arrives with another payload, then nothing changes', () => {
    spec
      .given([created])
      .when({ kind: 'RecordStart', attribution: { ...none, source: 'google', raw: 'x' } })
      .then([]);
  });

  it('given an older ContactCreated without `started` and with a payload, then it counts as started', () => {
    const { started: _started, ...older } = created.data;
    spec
      .given([{ type: 'Crm.ContactCreated', data: older }])
      .when({ kind: 'RecordStart', attribution: none })
      .then([]);
  });

  describe('conversions', () => {
    const deposit = {
      kind: 'RecordConversion',
      conversionType: 'deposit',
      externalId: 'dep-1',
      keyId: 'key1',
      amount: '125.5',
      currency: 'USD',
      accountId: 'acc-9',
      occurredAt: '2026-01-03T00:00:00.000Z',
    } as const;
    const depositRecorded: ContactDecidedEvent = {
      type: 'Crm.ConversionRecorded',
      data: {
        contactId: 'ws1:contact:tg:987',
        conversationId: 'ws1:tg:111:987',
        conversionType: 'deposit',
        externalId: 'dep-1',
        keyId: 'key1',
        amount: '125.50',
        amountMinor: 12550,
        currency: 'USD',
        accountId: 'acc-9',
        occurredAt: '2026-01-03T00:00:00.000Z',
      },
    };

    it('given a contact, when a deposit is reported, then it is recorded with the amount in minor units', () => {
      spec.given([created]).when(deposit).then([depositRecorded]);
    });

    it('given the external id was recorded, when it is reported again, then nothing happens', () => {
      spec
        .given([created, depositRecorded])
        .when({ ...deposit, amount: '999' })
        .then([]);
    });

    it('given a registration without an amount, then it is recorded with no money', () => {
      spec
        .given([created])
        .when({
          ...deposit,
          conversionType: 'registration',
          externalId: 'reg-1',
          amount: null,
          currency: null,
        })
        .then([
          {
            type: 'Crm.ConversionRecorded',
            data: {
              ...depositRecorded.data,
              conversionType: 'registration',
              externalId: 'reg-1',
              amount: null,
              amountMinor: null,
              currency: null,
            } as never,
          },
        ]);
    });

    it('given no contact, when a conversion is reported, then it is refused', () => {
      spec.given([]).when(deposit).thenThrows('contact.not_found');
    });
  });
});
