import type { EventMetadata } from '@parley/contracts';
import { conversationFacts, noFacts, type FactsEvent } from './conversation-facts';

const conversationId = 'ws1:tg:7:100';
const contactId = 'ws1:contact:tg:100';
const dealId = 'ws1:deal:tg:100';

const metadata = (aggregateId: string): EventMetadata => ({
  eventId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
  workspaceId: 'ws1',
  aggregateId,
  occurredAt: '2026-12-02T10:00:00.000Z',
  schemaVersion: 1,
  correlationId: 'c1',
  causationId: null,
  actor: { kind: 'system', id: 'crm' },
});

const attribution = (source: string | null, campaign: string | null) => ({
  source,
  campaign,
  ad: null,
  adSet: null,
  raw: null,
});

const created: FactsEvent = {
  type: 'Crm.ContactCreated',
  data: {
    contactId,
    conversationId,
    channel: 'telegram',
    platform: 'telegram',
    telegramId: '100',
    username: null,
    firstName: 'Anna',
    lastName: null,
    languageCode: 'ru',
    attribution: attribution('facebook', 'summer'),
    createdAt: '2026-12-02T10:00:00.000Z',
  },
  metadata: metadata(contactId),
};

const tag = (name: string) => ({ name, colour: '#aabbcc' });

describe('the facts of a conversation', () => {
  it('given no events, then nothing is known but the channel', () => {
    expect(conversationFacts(conversationId, [])).toEqual({
      conversationId,
      tags: [],
      stage: null,
      line: null,
      channel: 'telegram',
      language: null,
      country: null,
      source: null,
      campaign: null,
    });
  });

  it('given a contact and a deal with changes, then tags, stage, line, language, country and attribution as they are now', () => {
    const events: FactsEvent[] = [
      created,
      {
        type: 'Crm.TagAdded',
        data: { contactId, conversationId, tag: tag('vip'), tags: [tag('vip')] },
        metadata: metadata(contactId),
      },
      {
        type: 'Crm.TagAdded',
        data: { contactId, conversationId, tag: tag('hot'), tags: [tag('vip'), tag('hot')] },
        metadata: metadata(contactId),
      },
      {
        type: 'Crm.TagRemoved',
        data: { contactId, conversationId, tag: tag('vip'), tags: [tag('hot')] },
        metadata: metadata(contactId),
      },
      {
        type: 'Crm.ContactEdited',
        data: {
          contactId,
          conversationId,
          changes: [
            { field: 'name', from: 'Anna', to: 'Anna K' },
            { field: 'country', from: null, to: 'DE' },
          ],
        },
        metadata: metadata(contactId),
      },
      {
        type: 'Crm.DealCreated',
        data: {
          dealId,
          contactId,
          conversationId,
          stage: 'new',
          line: 1,
          channel: 'telegram',
          createdAt: '2026-12-02T10:00:00.000Z',
        },
        metadata: metadata(dealId),
      },
      {
        type: 'Crm.DealStageChanged',
        data: {
          dealId,
          conversationId,
          from: 'new',
          to: 'in_progress',
          fromName: 'New',
          toName: 'In progress',
        },
        metadata: metadata(dealId),
      },
      {
        type: 'Crm.DealLineChanged',
        data: { dealId, conversationId, from: 1, to: 2 },
        metadata: metadata(dealId),
      },
    ];

    expect(conversationFacts(conversationId, events)).toEqual({
      conversationId,
      tags: ['hot'],
      stage: 'in_progress',
      line: 2,
      channel: 'telegram',
      language: 'ru',
      country: 'DE',
      source: 'facebook',
      campaign: 'summer',
    });
  });

  it('given a contact a message created, when its first /start is recorded later, then the attribution is the recorded one', () => {
    const facts = conversationFacts(conversationId, [
      { ...created, data: { ...created.data, attribution: attribution(null, null) } },
      {
        type: 'Crm.AttributionRecorded',
        data: { contactId, conversationId, attribution: attribution('google', 'winter') },
        metadata: metadata(contactId),
      },
    ]);

    expect(facts).toEqual({
      ...noFacts(conversationId),
      language: 'ru',
      source: 'google',
      campaign: 'winter',
    });
  });
});
