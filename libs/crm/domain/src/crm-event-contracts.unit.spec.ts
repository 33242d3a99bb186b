import {
  crmEventDefinitions,
  EventCatalog,
  readEvent,
  type EventEnvelope,
} from '@parley/contracts';
import { parseAttribution } from './attribution/parse-attribution';
import { contactDecider } from './contact/contact-decider';
import { dealDecider } from './deal/deal-decider';

const crmEvents = new EventCatalog().register(...crmEventDefinitions);

const stored = (event: { type: string; data: unknown }, aggregateId: string): EventEnvelope => ({
  ...event,
  metadata: {
    eventId: `e-${event.type}`,
    workspaceId: 'ws1',
    aggregateId,
    occurredAt: '2026-01-01T10:00:00.000Z',
    schemaVersion: 1,
    correlationId: 'c1',
    causationId: 'u7',
    actor: { kind: 'system', id: 'crm' },
  },
});

describe('crm events against their contracts', () => {
  it.each([null, '', 'facebook-summer24-ad12', 's=google__c=black_friday__x=1'])(
    'given a contact created from the payload %p, then its ContactCreated reads back unchanged',
    (payload) => {
      const [created] = contactDecider.decide(
        {
          kind: 'CreateContact',
          contactId: 'ws1:contact:tg:42',
          conversationId: 'ws1:tg:123456:42',
          client: {
            externalId: '42',
            username: null,
            firstName: 'Anna',
            lastName: null,
            languageCode: 'en',
          },
          attribution: parseAttribution(payload),
          started: payload !== null,
          createdAt: '2026-01-01T10:00:00.000Z',
        },
        contactDecider.initialState(),
      );
      const event = stored(created!, 'ws1:contact:tg:42');
      expect(readEvent(crmEvents, event)).toBe(event);
    },
  );

  it('given a deal opened, then its DealCreated reads back unchanged', () => {
    const [created] = dealDecider.decide(
      {
        kind: 'CreateDeal',
        dealId: 'ws1:deal:tg:42',
        contactId: 'ws1:contact:tg:42',
        conversationId: 'ws1:tg:123456:42',
        stage: 'new',
        createdAt: '2026-01-01T10:00:00.000Z',
      },
      dealDecider.initialState(),
    );
    const event = stored(created!, 'ws1:deal:tg:42');
    expect(readEvent(crmEvents, event)).toBe(event);
  });
});
