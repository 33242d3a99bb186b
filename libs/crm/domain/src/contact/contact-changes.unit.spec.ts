import type { Tag } from '@parley/contracts';
import { deciderSpecification } from '@parley/decider';
import type { ContactDecidedEvent } from '../crm-decided-events';
import { contactDecider } from './contact-decider';

const ids = { contactId: 'ws1:contact:tg:987', conversationId: 'ws1:tg:111:987' };
const none = { source: null, campaign: null, ad: null, adSet: null, raw: null };
const created: ContactDecidedEvent = {
  type: 'Crm.ContactCreated',
  data: {
    ...ids,
    channel: 'telegram',
    platform: 'telegram',
    telegramId: '987',
    username: 'anna',
    firstName: 'Anna',
    lastName: 'K',
    languageCode: 'ru',
    attribution: none,
    createdAt: '2026-01-01T10:00:00.000Z',
  },
};
const vip: Tag = { name: 'VIP', colour: '#ff0000' };
const late: Tag = { name: 'Late payer', colour: '#9e9e9e' };
const tagged = (tag: Tag, tags: Tag[]): ContactDecidedEvent => ({
  type: 'Crm.TagAdded',
  data: { ...ids, tag, tags },
});
const assigned = (managerId: string, previousManagerId: string | null): ContactDecidedEvent => ({
  type: 'Crm.ResponsibleManagerAssigned',
  data: { ...ids, managerId, previousManagerId },
});
const sale = {
  kind: 'RecordSale',
  saleId: 's1',
  accountId: 'acc-7',
  amount: '125.5',
  currency: 'USD',
  recordedAt: '2026-01-02T10:00:00.000Z',
} as const;
const saleRecorded: ContactDecidedEvent = {
  type: 'Crm.SaleRecorded',
  data: {
    ...ids,
    saleId: 's1',
    accountId: 'acc-7',
    amount: '125.50',
    amountMinor: 12550,
    currency: 'USD',
    recordedAt: '2026-01-02T10:00:00.000Z',
  },
};

describe('Contact decider: a manager works the contact (issue 10)', () => {
  const spec = deciderSpecification(contactDecider);

  it.each([
    ['AddTag', { kind: 'AddTag', tag: vip }],
    ['RemoveTag', { kind: 'RemoveTag', name: 'VIP' }],
    ['AssignResponsibleManager', { kind: 'AssignResponsibleManager', managerId: 'm1' }],
    ['UnassignResponsibleManager', { kind: 'UnassignResponsibleManager' }],
    ['EditContact', { kind: 'EditContact', name: 'Anna' }],
    ['RecordSale', sale],
  ] as const)('given no contact, when %s, then it is rejected as not found', (_name, command) => {
    spec
      .given([])
      .when(command)
      .thenThrows(
        'contact.not_found',
        'There is no contact for this conversation yet: the client has not written.',
      );
  });

  it('given a contact, when a tag is added, then TagAdded with the tag and the tags after it', () => {
    spec
      .given([created, tagged(vip, [vip])])
      .when({ kind: 'AddTag', tag: late })
      .then([tagged(late, [vip, late])]);
  });

  it('given the contact has the tag, when it is added again in another case, then nothing happens', () => {
    spec
      .given([created, tagged(vip, [vip])])
      .when({ kind: 'AddTag', tag: { name: 'vip', colour: '#ff0000' } })
      .thenNothingHappened();
  });

  it('given two tags, when one is removed by name in any case, then TagRemoved with the tags left', () => {
    spec
      .given([created, tagged(vip, [vip]), tagged(late, [vip, late])])
      .when({ kind: 'RemoveTag', name: 'vip' })
      .then([{ type: 'Crm.TagRemoved', data: { ...ids, tag: vip, tags: [late] } }]);
  });

  it('given the contact lacks the tag, when it is removed, then nothing happens', () => {
    spec.given([created]).when({ kind: 'RemoveTag', name: 'VIP' }).thenNothingHappened();
  });

  it('given nobody responsible, when m1 is assigned, then assigned with no previous manager', () => {
    spec
      .given([created])
      .when({ kind: 'AssignResponsibleManager', managerId: 'm1' })
      .then([assigned('m1', null)]);
  });

  it('given m1 responsible, when m2 is assigned, then reassigned from m1', () => {
    spec
      .given([created, assigned('m1', null)])
      .when({ kind: 'AssignResponsibleManager', managerId: 'm2' })
      .then([assigned('m2', 'm1')]);
  });

  it('given m1 responsible, when m1 is assigned again, then nothing happens', () => {
    spec
      .given([created, assigned('m1', null)])
      .when({ kind: 'AssignResponsibleManager', managerId: 'm1' })
      .thenNothingHappened();
  });

  it('given m1 responsible, when unassigned, then unassigned from m1; and again, nothing', () => {
    spec
      .given([created, assigned('m1', null)])
      .when({ kind: 'UnassignResponsibleManager' })
      .then([
        {
          type: 'Crm.ResponsibleManagerUnassigned',
          data: { ...ids, previousManagerId: 'm1' },
        },
      ]);
    spec.given([created]).when({ kind: 'UnassignResponsibleManager' }).thenNothingHappened();
  });

  it('given a contact, when name and country change and the phone stays empty, then ContactEdited lists the two that changed', () => {
    spec
      .given([created])
      .when({ kind: 'EditContact', name: 'Anna Karenina', country: 'DE', phone: null })
      .then([
        {
          type: 'Crm.ContactEdited',
          data: {
            ...ids,
            changes: [
              { field: 'name', from: 'Anna K', to: 'Anna Karenina' },
              { field: 'country', from: null, to: 'DE' },
            ],
          },
        },
      ]);
  });

  it('given a contact, when the fields are set to what they are, then nothing happens', () => {
    spec
      .given([created])
      .when({ kind: 'EditContact', name: 'Anna K', country: null })
      .thenNothingHappened();
  });

  it('given a contact, when a sale is recorded, then SaleRecorded in minor units with the amount as USD writes it', () => {
    spec.given([created]).when(sale).then([saleRecorded]);
  });

  it('given the sale is recorded, when the same sale id comes again, then nothing happens', () => {
    spec.given([created, saleRecorded]).when(sale).thenNothingHappened();
  });
});
