import {
  crmEventDefinitions,
  EventCatalog,
  readEvent,
  type EventEnvelope,
} from '@parley/contracts';
import { parseAttribution } from './attribution/parse-attribution';
import { contactDecider } from './contact/contact-decider';
import { dealDecider } from './deal/deal-decider';
import { templateLibraryDecider } from './templates/template-library-decider';

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
  it('given template library commands, then each event they decide reads back unchanged', () => {
    const templateId = '00000000-0000-4000-8000-000000000001';
    const fields = { templateId, name: 'Greeting', shortcode: 'hello', text: 'Hi {user_name}!' };
    const decided = [
      ...templateLibraryDecider.decide(
        { kind: 'SetWorkspaceVariable', name: 'price', value: '', actorRole: 'admin' },
        templateLibraryDecider.initialState(),
      ),
      ...templateLibraryDecider.decide(
        { kind: 'SetWorkspaceVariable', name: 'price', value: '10 USD', actorRole: 'admin' },
        templateLibraryDecider.initialState(),
      ),
      ...templateLibraryDecider.decide(
        { kind: 'CreateTemplate', ...fields, attachment: null, actorRole: 'admin' },
        templateLibraryDecider.initialState(),
      ),
      ...templateLibraryDecider.decide(
        {
          kind: 'CreateTemplate',
          ...fields,
          templateId: '00000000-0000-4000-8000-000000000002',
          shortcode: 'prices',
          attachment: {
            mediaId: '00000000-0000-4000-8000-0000000000aa',
            kind: 'document',
            fileName: 'prices.pdf',
            contentType: 'application/pdf',
            size: 2048,
          },
          actorRole: 'admin',
        },
        templateLibraryDecider.initialState(),
      ),
      ...templateLibraryDecider.decide(
        { kind: 'RemoveWorkspaceVariable', name: 'offer', actorRole: 'admin' },
        templateLibraryDecider.initialState(),
      ),
    ];
    expect(decided.map((e) => e.type)).toEqual([
      'Crm.WorkspaceVariableSet',
      'Crm.WorkspaceVariableSet',
      'Crm.TemplateCreated',
      'Crm.TemplateCreated',
      'Crm.WorkspaceVariableRemoved',
    ]);
    for (const e of [
      ...decided,
      { type: 'Crm.TemplateChanged', data: { ...fields, text: 'Hello' } },
      { type: 'Crm.TemplateDeleted', data: { templateId } },
    ]) {
      const event = stored(e, 'ws1:templates');
      expect(readEvent(crmEvents, event)).toBe(event);
    }
  });
});
