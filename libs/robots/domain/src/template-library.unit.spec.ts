import type { EventMetadata, TemplateLibraryEvent } from '@parley/contracts';
import { emptyTemplateLibrary, templateLibrary } from './template-library';

const metadata: EventMetadata = {
  eventId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
  workspaceId: 'ws1',
  aggregateId: 'ws1:templates',
  occurredAt: '2026-12-02T10:00:00.000Z',
  schemaVersion: 1,
  correlationId: 'c1',
  causationId: null,
  actor: { kind: 'manager', id: 'admin-1' },
};

const event = <E extends TemplateLibraryEvent>(type: E['type'], data: E['data']) =>
  ({ type, data, metadata }) as E;

const template = (templateId: string, text: string) => ({
  templateId,
  name: `Template ${templateId}`,
  shortcode: templateId,
  text,
});

describe('a workspace’s template library as the robots send it', () => {
  it('given no events, then no templates and the default variables', () => {
    expect(templateLibrary([])).toEqual({ templates: {}, variables: { offer: '' } });
    expect(emptyTemplateLibrary()).toEqual(templateLibrary([]));
  });

  it('given templates created, changed and deleted, then each live template’s text as it is now', () => {
    expect(
      templateLibrary([
        event('Crm.TemplateCreated', template('t1', 'Hi {user_name}')),
        event('Crm.TemplateCreated', template('t2', 'Bye')),
        event('Crm.TemplateChanged', template('t1', 'Hello {user_name}')),
        event('Crm.TemplateDeleted', { templateId: 't2' }),
      ]).templates,
    ).toEqual({ t1: 'Hello {user_name}' });
  });

  it('given variables set and removed, then their values now, the default included until removed', () => {
    expect(
      templateLibrary([
        event('Crm.WorkspaceVariableSet', { name: 'offer', value: '20% off' }),
        event('Crm.WorkspaceVariableSet', { name: 'promo', value: 'SPRING' }),
        event('Crm.WorkspaceVariableSet', { name: 'promo', value: 'SUMMER' }),
        event('Crm.WorkspaceVariableSet', { name: 'site', value: 'x.io' }),
        event('Crm.WorkspaceVariableRemoved', { name: 'site' }),
      ]).variables,
    ).toEqual({ offer: '20% off', promo: 'SUMMER' });
    expect(
      templateLibrary([event('Crm.WorkspaceVariableRemoved', { name: 'offer' })]).variables,
    ).toEqual({});
  });
});
