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
    expect(templateLibrary([])).toEqual({
      templates: {},
      attachments: {},
      variables: { offer: '' },
    });
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

  it('given templates given a file, changed without it and deleted, then each live template’s file as it is now (issue 13)', () => {
    const photo = {
      mediaId: '00000000-0000-4000-8000-0000000000bb',
      kind: 'photo',
      fileName: 'offer.png',
      contentType: 'image/png',
      size: 4096,
    } as const;
    const pdf = {
      ...photo,
      kind: 'document',
      fileName: 'prices.pdf',
      contentType: 'application/pdf',
    } as const;
    expect(
      templateLibrary([
        event('Crm.TemplateCreated', { ...template('t1', 'Hi'), attachment: photo }),
        event('Crm.TemplateCreated', { ...template('t2', 'Prices'), attachment: pdf }),
        event('Crm.TemplateCreated', { ...template('t3', 'Bye'), attachment: photo }),
        event('Crm.TemplateChanged', template('t1', 'Hi again')),
        event('Crm.TemplateDeleted', { templateId: 't3' }),
        event('Crm.TemplateCreated', template('t4', 'Text only')),
      ]).attachments,
    ).toEqual({ t2: pdf });
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
