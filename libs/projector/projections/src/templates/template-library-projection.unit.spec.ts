import type { TemplateLibraryEvent } from '@parley/contracts';
import { conversationHistory } from '../testing/conversation-history';
import type { ProjectableEvent } from '../read-model-operation';
import { projectWorkspaceEvent } from '../project-event';

const stream = 'crm-ws1:templates';
const templateId = '00000000-0000-4000-8000-000000000001';
const fields = { templateId, name: 'Greeting', shortcode: 'hello', text: 'Hi {user_name}' };

/** A template library event of workspace ws1, stored at `revision` of its stream. */
const given = <T extends TemplateLibraryEvent['type']>(
  type: T,
  data: Extract<TemplateLibraryEvent, { type: T }>['data'],
  revision: number,
): ProjectableEvent => ({
  streamName: stream,
  revision,
  position: String(100 + revision),
  event: {
    type,
    data,
    metadata: {
      eventId: `e-${revision}`,
      workspaceId: 'ws1',
      aggregateId: 'ws1:templates',
      occurredAt: '2026-12-01T10:00:00.000Z',
      schemaVersion: 1,
      correlationId: 'c1',
      causationId: null,
      actor: { kind: 'manager', id: 'admin-1' },
    },
  } as TemplateLibraryEvent,
});

const guard = (revision: number) => ({
  $or: [
    { [`_applied.${stream}`]: { $exists: false } },
    { [`_applied.${stream}`]: { $lt: revision } },
  ],
});

describe('template library projection (B1, B3)', () => {
  it('given TemplateCreated, then the workspace document gets the template with its revision, and the defaults on insert', () => {
    expect(projectWorkspaceEvent(given('Crm.TemplateCreated', fields, 0))).toEqual({
      workspaceId: 'ws1',
      operations: [
        {
          collection: 'template_libraries',
          filter: { _id: 'ws1', ...guard(0) },
          update: {
            $set: {
              [`templates.${templateId}`]: { ...fields, attachment: null, createdRevision: 0 },
              [`_applied.${stream}`]: 0,
            },
            $setOnInsert: { workspaceId: 'ws1', 'variables.offer': '' },
          },
          upsert: true,
        },
      ],
    });
  });

  it('given TemplateChanged, then its name, shortcode and text are set, its position kept', () => {
    const [op] = projectWorkspaceEvent(
      given('Crm.TemplateChanged', { ...fields, name: 'Hello', shortcode: 'hi' }, 2),
    )!.operations;
    expect(op!.filter).toEqual({ _id: 'ws1', ...guard(2) });
    expect(op!.update['$set']).toEqual({
      [`templates.${templateId}.name`]: 'Hello',
      [`templates.${templateId}.shortcode`]: 'hi',
      [`templates.${templateId}.text`]: 'Hi {user_name}',
      [`templates.${templateId}.attachment`]: null,
      [`_applied.${stream}`]: 2,
    });
  });

  describe('a template’s file (issue 13)', () => {
    const pricesPdf = {
      mediaId: '00000000-0000-4000-8000-0000000000aa',
      kind: 'document',
      fileName: 'prices.pdf',
      contentType: 'application/pdf',
      size: 2048,
    } as const;

    it('given TemplateCreated with a file, then the template keeps it', () => {
      const [op] = projectWorkspaceEvent(
        given('Crm.TemplateCreated', { ...fields, attachment: pricesPdf }, 0),
      )!.operations;
      expect(op!.update['$set']).toMatchObject({
        [`templates.${templateId}`]: { ...fields, attachment: pricesPdf, createdRevision: 0 },
      });
    });

    it('given TemplateChanged with a file, then it is set; given one without, then the file is null', () => {
      const [withFile] = projectWorkspaceEvent(
        given('Crm.TemplateChanged', { ...fields, attachment: pricesPdf }, 4),
      )!.operations;
      expect(withFile!.update['$set']).toMatchObject({
        [`templates.${templateId}.attachment`]: pricesPdf,
      });
      const [without] = projectWorkspaceEvent(given('Crm.TemplateChanged', fields, 5))!.operations;
      expect(without!.update['$set']).toMatchObject({
        [`templates.${templateId}.attachment`]: null,
      });
    });
  });

  it('given TemplateDeleted, then the template is unset', () => {
    const [op] = projectWorkspaceEvent(given('Crm.TemplateDeleted', { templateId }, 3))!.operations;
    expect(op!.update).toMatchObject({
      $unset: { [`templates.${templateId}`]: '' },
      $set: { [`_applied.${stream}`]: 3 },
    });
  });

  it('given WorkspaceVariableSet of the default {offer}, then its value is set and no default overwrites it', () => {
    const [op] = projectWorkspaceEvent(
      given('Crm.WorkspaceVariableSet', { name: 'offer', value: '-20%' }, 1),
    )!.operations;
    expect(op!.update).toEqual({
      $set: { 'variables.offer': '-20%', [`_applied.${stream}`]: 1 },
      $setOnInsert: { workspaceId: 'ws1', templates: {} },
    });
  });

  it('given WorkspaceVariableRemoved, then the variable is unset', () => {
    const [op] = projectWorkspaceEvent(
      given('Crm.WorkspaceVariableRemoved', { name: 'price' }, 4),
    )!.operations;
    expect(op!.update).toMatchObject({ $unset: { 'variables.price': '' } });
  });

  it('given an event of a conversation, then it is no template library event', () => {
    const started = conversationHistory().started('2026-12-01T10:00:00.000Z');
    expect(projectWorkspaceEvent({ ...started, revision: 0, position: '1' })).toBeNull();
  });
});
