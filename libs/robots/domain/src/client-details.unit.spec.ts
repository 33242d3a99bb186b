import type { ContactEvent, EventMetadata } from '@parley/contracts';
import { clientDetails } from './client-details';

const contactId = 'ws1:contact:tg:100';
const conversationId = 'ws1:tg:7:100';
const metadata: EventMetadata = {
  eventId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
  workspaceId: 'ws1',
  aggregateId: contactId,
  occurredAt: '2026-12-02T10:00:00.000Z',
  schemaVersion: 1,
  correlationId: 'c1',
  causationId: null,
  actor: { kind: 'system', id: 'crm' },
};

const created = (firstName: string, lastName: string | null): ContactEvent => ({
  type: 'Crm.ContactCreated',
  data: {
    contactId,
    conversationId,
    channel: 'telegram',
    platform: 'telegram',
    telegramId: '100',
    username: null,
    firstName,
    lastName,
    languageCode: 'en',
    attribution: { source: null, campaign: null, ad: null, adSet: null, raw: null },
    createdAt: '2026-12-02T10:00:00.000Z',
  },
  metadata,
});

const edited = (changes: { field: 'name' | 'country'; from: string | null; to: string | null }[]) =>
  ({ type: 'Crm.ContactEdited', data: { contactId, conversationId, changes }, metadata }) as const;

describe('the details of a conversation’s client', () => {
  it('given no contact, then no name and no manager', () => {
    expect(clientDetails([])).toEqual({ name: '', responsibleManagerId: null });
  });

  it('given a contact created, then its first and last name; without a last name, the first', () => {
    expect(clientDetails([created('Anna', 'Karenina')]).name).toBe('Anna Karenina');
    expect(clientDetails([created('Anna', null)]).name).toBe('Anna');
  });

  it('given the name edited, then the edited name; other fields leave it', () => {
    expect(
      clientDetails([
        created('Anna', null),
        edited([{ field: 'name', from: 'Anna', to: 'Anna K' }]),
        edited([{ field: 'country', from: null, to: 'DE' }]),
      ]).name,
    ).toBe('Anna K');
  });

  it('given a manager assigned, reassigned and unassigned, then the manager as they are now', () => {
    const assigned = (managerId: string, previousManagerId: string | null): ContactEvent => ({
      type: 'Crm.ResponsibleManagerAssigned',
      data: { contactId, conversationId, managerId, previousManagerId },
      metadata,
    });
    expect(
      clientDetails([created('Anna', null), assigned('m1', null), assigned('m2', 'm1')])
        .responsibleManagerId,
    ).toBe('m2');
    expect(
      clientDetails([
        created('Anna', null),
        assigned('m1', null),
        {
          type: 'Crm.ResponsibleManagerUnassigned',
          data: { contactId, conversationId, previousManagerId: 'm1' },
          metadata,
        },
      ]).responsibleManagerId,
    ).toBeNull();
  });
});
