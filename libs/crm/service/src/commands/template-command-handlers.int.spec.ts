import {
  ContractViolation,
  newId,
  type CommandEnvelope,
  type TemplateLibraryEvent,
} from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import { createPgliteEventStore, type EventStore } from '@parley/eventstore';
import { templateLibraryStream } from '../crm-streams';
import { templateCommandHandlers } from './template-command-handlers';

const templateId = '00000000-0000-4000-8000-000000000001';

/** A PDF an admin uploaded for a template (issue 13), as the gateway names it. */
const pricesPdf = {
  mediaId: '00000000-0000-4000-8000-0000000000aa',
  kind: 'document',
  fileName: 'prices.pdf',
  contentType: 'application/pdf',
  size: 2048,
};

const command = (type: string, data: object, workspaceId = 'ws1'): CommandEnvelope => ({
  commandId: newId(),
  service: 'crm',
  type,
  data,
  metadata: {
    workspaceId,
    aggregateId: `${workspaceId}:templates`,
    issuedAt: '2026-12-01T10:00:00.000Z',
    correlationId: newId(),
    causationId: null,
    actor: { kind: 'manager', id: 'admin-1' },
  },
});

describe('template command handlers on PGlite (B1, B3)', () => {
  let store: EventStore;
  let handlers: ReturnType<typeof templateCommandHandlers>;

  beforeAll(async () => {
    store = await createPgliteEventStore();
    handlers = templateCommandHandlers(store);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  const library = async (workspaceId = 'ws1') =>
    (await store.readStream(templateLibraryStream(workspaceId))).map(
      (r) => r.event as TemplateLibraryEvent,
    );

  /** The handler's outcome as a promise, whether it fails at once (a bad payload) or later. */
  const handle = async (type: string, data: object, workspaceId?: string) =>
    handlers[type]!(command(type, data, workspaceId));

  it('given an admin, when they set a variable and create a template using it, then both events land on the workspace library stream', async () => {
    await handle('SetWorkspaceVariable', { name: 'price', value: '10 USD', actorRole: 'admin' });
    await handle('CreateTemplate', {
      templateId,
      name: 'Price',
      shortcode: 'price',
      text: 'Only {price}, {user_name}',
      attachment: null,
      actorRole: 'admin',
    });
    expect((await library()).map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'Crm.WorkspaceVariableSet', data: { name: 'price', value: '10 USD' } },
      {
        type: 'Crm.TemplateCreated',
        data: { templateId, name: 'Price', shortcode: 'price', text: 'Only {price}, {user_name}' },
      },
    ]);
    expect((await library())[1]!.metadata).toMatchObject({
      workspaceId: 'ws1',
      aggregateId: 'ws1:templates',
    });
  });

  it('given the template uses the variable, when an admin removes it, then the rule is broken and nothing is appended', async () => {
    await expect(
      handle('RemoveWorkspaceVariable', { name: 'price', actorRole: 'admin' }),
    ).rejects.toMatchObject({ code: 'variable.in_use' });
    expect(await library()).toHaveLength(2);
  });

  it('given a manager, when they change the template, then rejected as admin only', async () => {
    const error = await handle('ChangeTemplate', {
      templateId,
      name: 'Price',
      shortcode: 'price',
      text: 'Changed',
      attachment: null,
      actorRole: 'manager',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect(error).toMatchObject({ code: 'role.admin_only' });
  });

  it.each([
    [
      'CreateTemplate',
      'an id that is no UUID',
      {
        templateId: 'not-a-uuid',
        name: 'A',
        shortcode: 'a',
        text: 'x',
        attachment: null,
        actorRole: 'admin',
      },
    ],
    [
      'CreateTemplate',
      'a shortcode with a space',
      { templateId, name: 'A', shortcode: 'a b', text: 'x', attachment: null, actorRole: 'admin' },
    ],
    [
      'CreateTemplate',
      'no attachment field (null says "no file")',
      { templateId, name: 'A', shortcode: 'a', text: 'x', actorRole: 'admin' },
    ],
    [
      'ChangeTemplate',
      'a file of a kind a chat upload does not take',
      {
        templateId,
        name: 'A',
        shortcode: 'a',
        text: 'x',
        attachment: { ...pricesPdf, kind: 'sticker' },
        actorRole: 'admin',
      },
    ],
    [
      'SetWorkspaceVariable',
      'an upper-case name',
      { name: 'Price', value: '1', actorRole: 'admin' },
    ],
    [
      'SetWorkspaceVariable',
      'a value over 1000 characters',
      { name: 'price', value: 'x'.repeat(1001), actorRole: 'admin' },
    ],
    ['DeleteTemplate', 'an unknown role', { templateId, actorRole: 'owner' }],
  ])('given %s with %s, then a ContractViolation', async (type, _what, data) => {
    await expect(handle(type, data)).rejects.toBeInstanceOf(ContractViolation);
  });

  it('given another workspace, then its library is its own stream', async () => {
    await expect(
      handle('DeleteTemplate', { templateId, actorRole: 'admin' }, 'ws2'),
    ).rejects.toMatchObject({ code: 'template.not_found' });
    await handle('SetWorkspaceVariable', { name: 'offer', value: 'x', actorRole: 'admin' }, 'ws2');
    expect((await library('ws2')).map((e) => e.type)).toEqual(['Crm.WorkspaceVariableSet']);
    expect(await library()).toHaveLength(2);
  });

  it('given the template, when an admin gives it a file and then removes it, then TemplateChanged with the file, then without', async () => {
    const fields = { templateId, name: 'Price', shortcode: 'price', text: 'Only {price}' };
    await handle('ChangeTemplate', { ...fields, attachment: pricesPdf, actorRole: 'admin' });
    await handle('ChangeTemplate', { ...fields, attachment: null, actorRole: 'admin' });
    expect((await library()).slice(-2).map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'Crm.TemplateChanged', data: { ...fields, attachment: pricesPdf } },
      { type: 'Crm.TemplateChanged', data: fields },
    ]);
  });

  it('given a file, when the text is longer than a caption, then the rule is broken and nothing is appended', async () => {
    const before = (await library()).length;
    await expect(
      handle('ChangeTemplate', {
        templateId,
        name: 'Price',
        shortcode: 'price',
        text: 'x'.repeat(1025),
        attachment: pricesPdf,
        actorRole: 'admin',
      }),
    ).rejects.toMatchObject({ code: 'template.caption_too_long' });
    expect(await library()).toHaveLength(before);
  });
});
