import { deterministicId, type EventEnvelope } from '@parley/contracts';
import { projectEvent } from '../project-event';
import type { ProjectedEvent } from '../projected-event';
import type { ReadModelOperation } from '../read-model-operation';

const conversationId = 'w1:tg:100:42';
const contactId = 'w1:contact:tg:42';
const dealId = 'w1:deal:tg:42';
const AT = '2026-11-25T10:05:00.000Z';

/** A CRM change by manager m1, stored at `revision` of its stream. */
const given = (streamId: string, type: string, data: object, revision = 3) => {
  const event = {
    type,
    data: { conversationId, ...data },
    metadata: {
      eventId: deterministicId('spec', type),
      workspaceId: 'w1',
      aggregateId: streamId,
      occurredAt: AT,
      schemaVersion: 1,
      correlationId: 'c1',
      causationId: 'cmd1',
      actor: { kind: 'manager', id: 'm1' },
    },
  } as EventEnvelope as ProjectedEvent;
  const projection = projectEvent({
    streamName: `crm-${streamId}`,
    revision,
    position: '77',
    event,
  });
  const of = (collection: ReadModelOperation['collection']) =>
    projection!.operations.filter((op) => op.collection === collection);
  return { of };
};

describe('projections of a manager working the client (issue 10)', () => {
  it('Crm.TagAdded sets the card tags with colours, the chat tags, and a "m1 added the tag" item', () => {
    const vip = { name: 'VIP', colour: '#ff0000' };
    const { of } = given(contactId, 'Crm.TagAdded', { contactId, tag: vip, tags: [vip] });
    expect(of('cards')[0]!.update['$set']).toMatchObject({
      'contact.tags': ['VIP'],
      'contact.tagColours': [vip],
      [`_applied.crm-${contactId}`]: 3,
    });
    expect(of('chats')[0]!.update).toMatchObject({
      $set: { tags: ['VIP'] },
      $max: { lastActivityAt: AT },
    });
    expect(of('timeline')[0]!.update['$set']).toMatchObject({
      at: AT,
      actor: { kind: 'manager', id: 'm1' },
      item: {
        kind: 'action',
        action: 'tag.added',
        summary: 'm1 added the tag "VIP"',
        details: { contactId, tag: 'VIP', colour: '#ff0000' },
      },
    });
  });

  it('Crm.SaleRecorded counts the sale per currency on the card and adds a sale item', () => {
    const { of } = given(contactId, 'Crm.SaleRecorded', {
      contactId,
      saleId: 's1',
      accountId: 'acc-7',
      amount: '125.50',
      amountMinor: 12550,
      currency: 'USD',
      recordedAt: AT,
    });
    expect(of('cards')[0]!.update['$inc']).toEqual({
      'contact.salesCount': 1,
      'contact.salesByCurrency.USD.sumMinor': 12550,
      'contact.salesByCurrency.USD.count': 1,
    });
    expect(of('timeline')[0]!.update['$set']).toMatchObject({
      item: {
        action: 'sale.recorded',
        summary: 'm1 recorded a sale of 125.50 USD (account acc-7)',
      },
    });
  });

  it('Crm.DealStageChanged moves the stage on the card and the chat, with a stage item', () => {
    const { of } = given(dealId, 'Crm.DealStageChanged', {
      dealId,
      from: 'new',
      to: 'registered',
      fromName: 'New',
      toName: 'Registered',
    });
    expect(of('cards')[0]!.update['$set']).toMatchObject({ 'deal.stage': 'registered' });
    expect(of('chats')[0]!.update['$set']).toMatchObject({ 'deal.stage': 'registered' });
    expect(of('timeline')[0]!.update['$set']).toMatchObject({
      item: { action: 'deal.stage_changed', summary: 'm1 moved the deal to "Registered"' },
    });
  });

  it('Crm.ContactEdited and Crm.ResponsibleManagerAssigned set the card fields and the chat name and manager', () => {
    const edited = given(contactId, 'Crm.ContactEdited', {
      contactId,
      changes: [
        { field: 'name', from: 'Ann', to: 'Anna K' },
        { field: 'phone', from: null, to: '+49 30 1234' },
      ],
    });
    expect(edited.of('cards')[0]!.update['$set']).toMatchObject({
      'contact.name': 'Anna K',
      'contact.phone': '+49 30 1234',
    });
    expect(edited.of('chats')[0]!.update['$set']).toMatchObject({ 'contact.name': 'Anna K' });
    const assigned = given(contactId, 'Crm.ResponsibleManagerAssigned', {
      contactId,
      managerId: 'm2',
      previousManagerId: 'm1',
    });
    expect(assigned.of('cards')[0]!.update['$set']).toMatchObject({
      'contact.responsibleManagerId': 'm2',
    });
    expect(assigned.of('chats')[0]!.update['$set']).toMatchObject({ responsibleManagerId: 'm2' });
    expect(assigned.of('timeline')[0]!.update['$set']).toMatchObject({
      item: { summary: 'm1 reassigned the contact from m1 to m2' },
    });
  });

  it('a CRM settings event (no conversation) projects nothing', () => {
    const event = {
      type: 'Crm.StageRetired',
      data: { stageId: 'lost' },
      metadata: { workspaceId: 'w1', actor: { kind: 'manager', id: 'a1' } },
    } as unknown as EventEnvelope;
    expect(
      projectEvent({ streamName: 'crm-w1:crm_settings', revision: 0, position: '1', event }),
    ).toBeNull();
  });
});
