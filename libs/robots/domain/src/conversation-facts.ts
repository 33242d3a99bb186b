import type { ContactEvent, DealEvent } from '@parley/contracts';
import { assertNever } from '@parley/decider';
import type { ConversationFacts } from './rule-evaluation';

/** The CRM events the facts of a conversation are folded from: its contact's and its deal's. */
export type FactsEvent = ContactEvent | DealEvent;

/** `ws1:tg:1:100` → `telegram`: the channel a conversation id names. */
const channelOf = (conversationId: string): string => {
  const channel = conversationId.split(':')[1] ?? '';
  return channel === 'tg' ? 'telegram' : channel;
};

/** What the robots know of a conversation before its contact and deal exist. */
export const noFacts = (conversationId: string): ConversationFacts => ({
  conversationId,
  tags: [],
  stage: null,
  line: null,
  channel: channelOf(conversationId),
  language: null,
  country: null,
  source: null,
  campaign: null,
});

/**
 * One CRM event on the facts (A2): tags as the contact has them after each change, the deal's
 * stage and line, the contact's language, country (as edited) and attribution (the first
 * `/start`'s, recorded later when a message created the contact). Other events change nothing.
 */
export const evolveFacts = (facts: ConversationFacts, event: FactsEvent): ConversationFacts => {
  switch (event.type) {
    case 'Crm.ContactCreated':
      return {
        ...facts,
        channel: event.data.channel,
        language: event.data.languageCode,
        source: event.data.attribution.source,
        campaign: event.data.attribution.campaign,
      };
    case 'Crm.AttributionRecorded':
      return {
        ...facts,
        source: event.data.attribution.source,
        campaign: event.data.attribution.campaign,
      };
    case 'Crm.TagAdded':
    case 'Crm.TagRemoved':
      return { ...facts, tags: event.data.tags.map((tag) => tag.name) };
    case 'Crm.ContactEdited': {
      const country = event.data.changes.find((change) => change.field === 'country');
      return country ? { ...facts, country: country.to } : facts;
    }
    case 'Crm.DealCreated':
      return { ...facts, stage: event.data.stage, line: event.data.line };
    case 'Crm.DealStageChanged':
      return { ...facts, stage: event.data.to };
    case 'Crm.DealLineChanged':
      return { ...facts, line: event.data.to };
    case 'Crm.ResponsibleManagerAssigned':
    case 'Crm.ResponsibleManagerUnassigned':
    case 'Crm.SaleRecorded':
    case 'Crm.ConversionRecorded':
      return facts;
    default:
      return assertNever(event, 'facts event');
  }
};

/** The facts of a conversation from its contact's and deal's events, in stream order each. */
export const conversationFacts = (
  conversationId: string,
  events: readonly FactsEvent[],
): ConversationFacts => events.reduce(evolveFacts, noFacts(conversationId));
