import { deterministicId, type EventEnvelope } from '@parley/contracts';
import { projectEvent } from '../project-event';
import type { ProjectedEvent } from '../projected-event';
import type { ReadModelOperation } from '../read-model-operation';

const conversationId = 'w1:tg:100:42';
const contactId = 'w1:contact:tg:42';
const AT = '2026-11-25T10:05:00.000Z';
const HAPPENED = '2026-11-25T09:00:00.000Z';

/** A CRM event of the contact's stream, caused by the system actor `actor`. */
const given = (type: string, data: object, actor = 'conversion-key:ck_1') => {
  const event = {
    type,
    data: { conversationId, contactId, ...data },
    metadata: {
      eventId: deterministicId('spec', type),
      workspaceId: 'w1',
      aggregateId: contactId,
      occurredAt: AT,
      schemaVersion: 1,
      correlationId: 'c1',
      causationId: 'cmd1',
      actor: { kind: 'system', id: actor },
    },
  } as EventEnvelope as ProjectedEvent;
  const projection = projectEvent({
    streamName: `crm-${contactId}`,
    revision: 4,
    position: '90',
    event,
  });
  return (collection: ReadModelOperation['collection']) =>
    projection!.operations.filter((op) => op.collection === collection);
};

const conversion = {
  conversionType: 'deposit',
  externalId: 'dep-1',
  keyId: 'ck_1',
  amount: '125.50',
  amountMinor: 12550,
  currency: 'USD',
  accountId: 'acc-9',
  occurredAt: HAPPENED,
};

describe('projections of conversions and attribution (issue 10, A3, R2, R7)', () => {
  it('a deposit counts as a sale of its currency and fills the account id', () => {
    const of = given('Crm.ConversionRecorded', conversion);
    expect(of('cards')[0]!.update).toMatchObject({
      $set: { 'contact.accountId': 'acc-9' },
      $inc: {
        'contact.salesCount': 1,
        'contact.salesByCurrency.USD.sumMinor': 12550,
        'contact.salesByCurrency.USD.count': 1,
      },
    });
    expect(of('cards')[0]!.update['$set']).not.toHaveProperty('contact.registeredAt');
  });

  it('a registration without money fills the registration date and counts no sale', () => {
    const of = given('Crm.ConversionRecorded', {
      ...conversion,
      conversionType: 'registration',
      amount: null,
      amountMinor: null,
      currency: null,
    });
    const update = of('cards')[0]!.update;
    expect(update['$set']).toMatchObject({
      'contact.registeredAt': HAPPENED,
      'contact.accountId': 'acc-9',
    });
    expect(update).not.toHaveProperty('$inc');
  });

  it('a conversion sets the chat to "new system notification" and puts it on the timeline', () => {
    const of = given('Crm.ConversionRecorded', conversion);
    expect(of('chats')[0]!.update).toMatchObject({
      $set: { status: 'new_system_notification' },
      $max: { lastActivityAt: HAPPENED },
    });
    expect(of('timeline')[0]!.update['$set']).toMatchObject({
      at: HAPPENED,
      actor: { kind: 'system', id: 'conversion-key:ck_1' },
      item: {
        kind: 'action',
        action: 'conversion.recorded',
        summary: 'deposit reported of 125.50 USD',
        details: { externalId: 'dep-1', amount: '125.50', currency: 'USD', accountId: 'acc-9' },
      },
    });
  });

  it("the first /start after a message sets the card's attribution and says where from", () => {
    const attribution = {
      source: 'facebook',
      platform: 'instagram',
      campaign: 'summer-24',
      ad: null,
      adSet: null,
      linkKey: 'summer24fb',
      raw: 'summer24fb',
    };
    const of = given('Crm.AttributionRecorded', { attribution }, 'crm');
    expect(of('cards')[0]!.update['$set']).toMatchObject({ 'contact.attribution': attribution });
    // The chat list's `source` filter (issue 11) follows the attribution's source.
    expect(of('chats').map((o) => o.update['$set'])).toEqual([
      expect.objectContaining({ source: 'facebook' }),
    ]);
    expect(of('timeline')[0]!.update['$set']).toMatchObject({
      item: {
        action: 'contact.attributed',
        summary: 'The client came from facebook',
        details: { linkKey: 'summer24fb', campaign: 'summer-24' },
      },
    });
  });
});
