import type { EventEnvelope } from '../envelope/event-envelope';
import { EventCatalog } from '../upcasting/event-catalog';
import { readEvent } from '../upcasting/read-event';
import { ContractViolation } from '../validation/contract-violation';
import { crmEventDefinitions } from './crm-event-definitions';
import type { CrmEvent, TemplateLibraryEvent } from './crm-events';

const crmEvents = new EventCatalog().register(...crmEventDefinitions);

const stored = (
  type: (CrmEvent | TemplateLibraryEvent)['type'],
  aggregateId: string,
  data: object,
): EventEnvelope => ({
  type,
  data,
  metadata: {
    eventId: `e-${type}`,
    workspaceId: 'ws1',
    aggregateId,
    occurredAt: '2026-01-01T00:00:01.000Z',
    schemaVersion: 1,
    correlationId: 'c1',
    causationId: 'u7',
    actor: { kind: 'client', id: 'tg:42' },
  },
});

/** Each CRM event with data as the contact and deal deciders write it. */
const contactCreated = stored('Crm.ContactCreated', 'ws1:contact:tg:42', {
  contactId: 'ws1:contact:tg:42',
  conversationId: 'ws1:tg:123456:42',
  channel: 'telegram',
  platform: 'telegram',
  telegramId: '42',
  username: null,
  firstName: 'Anna',
  lastName: null,
  languageCode: 'en',
  attribution: { source: null, campaign: null, ad: null, adSet: null, raw: null },
  createdAt: '2026-01-01T00:00:01.000Z',
});
const dealCreated = stored('Crm.DealCreated', 'ws1:deal:tg:42', {
  dealId: 'ws1:deal:tg:42',
  contactId: 'ws1:contact:tg:42',
  conversationId: 'ws1:tg:123456:42',
  stage: 'new',
  line: 1,
  channel: 'telegram',
  createdAt: '2026-01-01T00:00:01.000Z',
});

const templateCreated = stored('Crm.TemplateCreated', 'ws1:templates', {
  templateId: '00000000-0000-4000-8000-000000000001',
  name: 'Greeting',
  shortcode: 'hello',
  text: 'Hi {user_name}',
});
/** A template with a file (issue 13); `templateCreated` is one written before templates had files. */
const templateWithFile = stored('Crm.TemplateCreated', 'ws1:templates', {
  templateId: '00000000-0000-4000-8000-000000000002',
  name: 'Price list',
  shortcode: 'prices',
  text: 'Our prices, {user_name}',
  attachment: {
    mediaId: '00000000-0000-4000-8000-0000000000aa',
    kind: 'document',
    fileName: 'prices.pdf',
    contentType: 'application/pdf',
    size: 2048,
  },
});
const variableSet = stored('Crm.WorkspaceVariableSet', 'ws1:templates', {
  name: 'offer',
  value: '',
});

const withData = (event: EventEnvelope, change: Record<string, unknown>): EventEnvelope => ({
  ...event,
  data: { ...(event.data as Record<string, unknown>), ...change },
});

const without = (event: EventEnvelope, field: string): EventEnvelope => {
  const { [field]: _dropped, ...data } = event.data as Record<string, unknown>;
  return { ...event, data };
};

const fieldsOf = (event: EventEnvelope): string[] => {
  try {
    readEvent(crmEvents, event);
  } catch (e) {
    if (e instanceof ContractViolation) return e.issues.map((i) => i.field);
    throw e;
  }
  throw new Error('expected a ContractViolation');
};

describe('crm event definitions', () => {
  it.each([
    ['ContactCreated without attribution', contactCreated],
    [
      'ContactCreated with a deep link',
      withData(contactCreated, {
        username: 'anna',
        lastName: 'K',
        attribution: {
          source: 'facebook',
          campaign: 'summer24',
          ad: 'ad12',
          adSet: null,
          raw: 'facebook-summer24-ad12',
        },
      }),
    ],
    ['DealCreated', dealCreated],
    ['TemplateCreated without a file (schema version 1 before issue 13)', templateCreated],
    ['TemplateCreated with a file', templateWithFile],
    ['WorkspaceVariableSet with an empty value', variableSet],
  ])('given a %s as the CRM writes it, then it reads back unchanged', (_name, event) => {
    expect(readEvent(crmEvents, event)).toBe(event);
  });

  it.each([
    ['ContactCreated', 'attribution', without(contactCreated, 'attribution')],
    [
      'ContactCreated',
      'attribution.adSet',
      withData(contactCreated, {
        attribution: { source: 'facebook', campaign: null, ad: null, raw: 'facebook' },
      }),
    ],
    [
      'ContactCreated',
      'attribution.campaign',
      withData(contactCreated, {
        attribution: { source: null, campaign: 7, ad: null, adSet: null, raw: null },
      }),
    ],
    ['ContactCreated', 'username', without(contactCreated, 'username')],
    ['ContactCreated', 'platform', withData(contactCreated, { platform: 'whatsapp' })],
    ['DealCreated', 'line', withData(dealCreated, { line: 3 })],
    ['DealCreated', 'stage', without(dealCreated, 'stage')],
    ['DealCreated', 'createdAt', withData(dealCreated, { createdAt: 'today' })],
    ['TemplateCreated', 'templateId', withData(templateCreated, { templateId: 't1' })],
    ['TemplateCreated', 'shortcode', withData(templateCreated, { shortcode: '/hello' })],
    ['TemplateCreated', 'text', withData(templateCreated, { text: 'x'.repeat(4097) })],
    ['TemplateCreated', 'name', withData(templateCreated, { name: ' Greeting' })],
    ['TemplateCreated', 'attachment', withData(templateCreated, { attachment: null })],
    [
      'TemplateCreated',
      'attachment.kind',
      withData(templateWithFile, {
        attachment: {
          ...(templateWithFile.data as { attachment: object }).attachment,
          kind: 'sticker',
        },
      }),
    ],
    [
      'TemplateCreated',
      'attachment.mediaId',
      withData(templateWithFile, {
        attachment: {
          ...(templateWithFile.data as { attachment: object }).attachment,
          mediaId: 'x',
        },
      }),
    ],
    ['WorkspaceVariableSet', 'name', withData(variableSet, { name: 'Offer' })],
    ['WorkspaceVariableSet', 'value', withData(variableSet, { value: 'x'.repeat(1001) })],
  ])(
    'given a %s with a bad or missing %s, then a ContractViolation names it',
    (_type, field, event) => {
      expect(fieldsOf(event)).toContain(field);
    },
  );
});
