import {
  CommandProcessor,
  eventsForCommand,
  handleCommand,
  handlerWithData,
  type CommandHandler,
} from '@parley/command-handling';
import {
  ChangeTemplateDataDto,
  CreateTemplateDataDto,
  CRM_SERVICE,
  crmSettingsId,
  DeleteTemplateDataDto,
  newId,
  RemoveWorkspaceVariableDataDto,
  SetWorkspaceVariableDataDto,
  streamName,
  templateLibraryId,
  type CommandEnvelope,
} from '@parley/contracts';
import { templateLibraryDecider, type TemplateLibraryCommand } from '@parley/crm-domain';
import { projectWorkspaceEvent } from '@parley/projections';
import { InMemoryCheckpointStore, Relay } from '@parley/relay';
import { ADMIN, startTestGateway, type TestGateway } from '../testing/test-gateway';

const CHAT = 'ws1:tg:1:42';
const NEW_CHAT = 'ws1:tg:1:43';
const OTHER_WORKSPACE_CHAT = 'ws2:tg:1:44';
const CLICK_ID = 'AbCdEfGhIjKlMnOpQrStUv';
const LIBRARY_STREAM = streamName('crm', templateLibraryId('ws1'));

describe('gateway template routes (issue 13, B1, B3)', () => {
  let gateway: TestGateway;
  let relay: Relay;
  let processor: CommandProcessor;
  let manager: string;
  let admin: string;
  let projected = 0;

  /**
   * The template library as the crm service keeps it (the decider behind the same DTOs), with
   * its events projected into `template_libraries` before the outcome is answered, as the
   * projector would soon after.
   */
  const onTemplates =
    (kind: TemplateLibraryCommand['kind'], dto: new () => object): CommandHandler =>
    (envelope: CommandEnvelope) =>
      handlerWithData<object>(dto, kind, async (data, command) => {
        const positions = await handleCommand({
          store: gateway.store,
          streamName: LIBRARY_STREAM,
          aggregateId: templateLibraryId('ws1'),
          decider: templateLibraryDecider,
          command: { kind, ...data } as TemplateLibraryCommand,
          envelope: command,
        });
        for (const r of await gateway.store.readStream(LIBRARY_STREAM, {
          fromRevision: projected,
        })) {
          const projection = projectWorkspaceEvent({
            streamName: r.streamName,
            revision: r.revision,
            position: r.position.toString(),
            event: r.event,
          });
          for (const op of projection?.operations ?? []) {
            await gateway.readStore
              .collection(op.collection)
              .updateOne(op.filter, op.update, { upsert: op.upsert });
          }
          projected = r.revision + 1;
        }
        return positions;
      })(envelope);

  beforeAll(async () => {
    gateway = await startTestGateway();
    relay = new Relay({
      store: gateway.store,
      bus: gateway.bus,
      checkpoints: new InMemoryCheckpointStore(),
    });
    await relay.start();
    processor = new CommandProcessor({
      bus: gateway.bus,
      store: gateway.store,
      service: CRM_SERVICE,
      handlers: {
        CreateTemplate: onTemplates('CreateTemplate', CreateTemplateDataDto),
        ChangeTemplate: onTemplates('ChangeTemplate', ChangeTemplateDataDto),
        DeleteTemplate: onTemplates('DeleteTemplate', DeleteTemplateDataDto),
        SetWorkspaceVariable: onTemplates('SetWorkspaceVariable', SetWorkspaceVariableDataDto),
        RemoveWorkspaceVariable: onTemplates(
          'RemoveWorkspaceVariable',
          RemoveWorkspaceVariableDataDto,
        ),
      },
      log: () => undefined,
    });
    await processor.start();

    // The CRM settings as an admin left them: a registration link, a renamed stage.
    const settings: CommandEnvelope = {
      commandId: newId(),
      service: CRM_SERVICE,
      type: 'SetRegistrationLinkTemplate',
      data: {},
      metadata: {
        workspaceId: 'ws1',
        aggregateId: crmSettingsId('ws1'),
        issuedAt: '2026-12-01T09:00:00.000Z',
        correlationId: newId(),
        causationId: null,
        actor: { kind: 'manager', id: 'admin' },
      },
    };
    await gateway.store.append(
      streamName('crm', crmSettingsId('ws1')),
      eventsForCommand(settings, crmSettingsId('ws1'), [
        {
          type: 'Crm.RegistrationLinkTemplateChanged',
          data: { template: 'https://broker.example/join?cid={click_id}' },
        },
        {
          type: 'Crm.StageRenamed',
          data: { stageId: 'in_progress', from: 'In progress', to: 'Talking' },
        },
      ]),
      { expected: 'no_stream' },
    );
    const chats = gateway.readStore.collection('chats');
    const cards = gateway.readStore.collection('cards');
    for (const [id, workspaceId] of [
      [CHAT, 'ws1'],
      [NEW_CHAT, 'ws1'],
      [OTHER_WORKSPACE_CHAT, 'ws2'],
    ] as const) {
      await chats.replaceOne({ _id: id }, { _id: id, workspaceId }, { upsert: true });
    }
    for (const [id, workspaceId] of [
      [CHAT, 'ws1'],
      [OTHER_WORKSPACE_CHAT, 'ws2'],
    ] as const) {
      await cards.replaceOne(
        { _id: id },
        {
          _id: id,
          workspaceId,
          contact: { contactId: 'ws1:contact:tg:42', name: 'Anna', tags: [], clickId: CLICK_ID },
          deal: { dealId: 'ws1:deal:tg:42', stage: 'in_progress', line: 1 },
        },
        { upsert: true },
      );
    }
    manager = (await gateway.signIn()).accessToken;
    admin = (await gateway.signIn(ADMIN)).accessToken;
  }, 60_000);

  afterAll(async () => {
    await processor?.stop();
    await relay?.stop();
    await gateway?.close();
  });

  const issuesOf = (body: unknown) =>
    (body as { issues: { field: string }[] }).issues.map((i) => i.field);

  const greeting = {
    name: 'Greeting',
    shortcode: 'hello',
    text: 'Hi {user_name}, I am {manager_name}. Stage: {stage}. {offer} {link}',
  };

  it('given nothing yet, when a manager reads the library, then no templates and the default variables', async () => {
    const { status, body } = await gateway.call('/api/templates', { token: manager });
    expect(status).toBe(200);
    expect(body).toEqual({ templates: [], variables: { offer: '' } });
  });

  it('given a manager, when they create a template or set a variable, then 403 as on the admin routes', async () => {
    const created = await gateway.call('/api/templates', { token: manager, body: greeting });
    expect(created.status).toBe(403);
    const set = await gateway.call('/api/templates/variables/offer', {
      token: manager,
      method: 'PUT',
      body: { value: '-20%' },
    });
    expect(set.status).toBe(403);
  });

  it('given an admin, when they create a template, then 202 with its id and it is listed', async () => {
    const { status, body } = await gateway.call('/api/templates', {
      token: admin,
      body: { ...greeting, name: '  Greeting  ', shortcode: ' Hello ' },
    });
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: 'accepted', templateId: expect.any(String) });
    const { templateId } = body as { templateId: string };
    const library = await gateway.call('/api/templates', { token: manager });
    expect(library.body).toEqual({
      templates: [{ templateId, ...greeting }],
      variables: { offer: '' },
    });
  });

  it('given an admin sets the workspace variable, then the rendered templates carry the client, the stage, the link and the variable', async () => {
    const set = await gateway.call('/api/templates/variables/offer', {
      token: admin,
      method: 'PUT',
      body: { value: '-20% today' },
    });
    expect(set.status).toBe(202);
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/templates`, {
      token: manager,
    });
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({
        shortcode: 'hello',
        text: greeting.text,
        rendered: `Hi Anna, I am Manager. Stage: Talking. -20% today https://broker.example/join?cid=${CLICK_ID}`,
      }),
    ]);
  });

  it('given a chat whose contact is not there yet, then the client values are empty', async () => {
    const { status, body } = await gateway.call(`/api/chats/${NEW_CHAT}/templates`, {
      token: manager,
    });
    expect(status).toBe(200);
    expect((body as { rendered: string }[])[0]!.rendered).toBe(
      'Hi , I am Manager. Stage: . -20% today ',
    );
  });

  it('given a chat of another workspace, then its templates answer 404', async () => {
    const { status } = await gateway.call(`/api/chats/${OTHER_WORKSPACE_CHAT}/templates`, {
      token: manager,
    });
    expect(status).toBe(404);
  });

  it('given a template uses a variable that does not exist, then 422 naming it', async () => {
    const { status, body } = await gateway.call('/api/templates', {
      token: admin,
      body: { name: 'Price', shortcode: 'price', text: 'Only {price} today' },
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'template.unknown_variable',
      message:
        'The template uses {price}, which is no variable: add it under Variables or remove it.',
    });
  });

  it('given the shortcode is taken, then 422 naming the template that has it', async () => {
    const { status, body } = await gateway.call('/api/templates', {
      token: admin,
      body: { name: 'Another', shortcode: 'hello', text: 'Hello again' },
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'template.shortcode_taken',
      message: 'The shortcode /hello is taken by the template "Greeting": pick another one.',
    });
  });

  it('given a variable a template uses, when an admin removes it, then 422 naming the template', async () => {
    const { status, body } = await gateway.call('/api/templates/variables/offer', {
      token: admin,
      method: 'DELETE',
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'variable.in_use' });
    expect((body as { message: string }).message).toContain('"Greeting"');
  });

  it('given a built-in variable, when an admin sets it, then 422 variable.built_in', async () => {
    const { status, body } = await gateway.call('/api/templates/variables/stage', {
      token: admin,
      method: 'PUT',
      body: { value: 'x' },
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'variable.built_in' });
  });

  it('given an admin changes then deletes a template, then the list follows; an unknown one is 404', async () => {
    const created = await gateway.call('/api/templates', {
      token: admin,
      body: { name: 'Bye', shortcode: 'bye', text: 'Bye {user_name}' },
    });
    const { templateId } = created.body as { templateId: string };
    const changed = await gateway.call(`/api/templates/${templateId}`, {
      token: admin,
      method: 'PUT',
      body: { name: 'Goodbye', shortcode: 'bye', text: 'Goodbye {user_name}' },
    });
    expect(changed.status).toBe(202);
    let library = (await gateway.call('/api/templates', { token: admin })).body as {
      templates: { name: string }[];
    };
    expect(library.templates.map((t) => t.name)).toEqual(['Greeting', 'Goodbye']);
    const deleted = await gateway.call(`/api/templates/${templateId}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(deleted.status).toBe(202);
    library = (await gateway.call('/api/templates', { token: admin })).body as typeof library;
    expect(library.templates.map((t) => t.name)).toEqual(['Greeting']);
    const again = await gateway.call(`/api/templates/${templateId}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 'template.not_found' });
  });

  it.each([
    ['a blank name', { name: ' ', shortcode: 'a', text: 'x' }, 'name'],
    ['a shortcode with a space', { name: 'A', shortcode: 'has space', text: 'x' }, 'shortcode'],
    ['an empty text', { name: 'A', shortcode: 'a', text: '' }, 'text'],
    ['a text over 4096 characters', { name: 'A', shortcode: 'a', text: 'x'.repeat(4097) }, 'text'],
    ['an unknown field', { name: 'A', shortcode: 'a', text: 'x', extra: 1 }, 'extra'],
  ])('given POST /api/templates with %s, then 400 naming %s', async (_what, body, field) => {
    const response = await gateway.call('/api/templates', { token: admin, body });
    expect(response.status).toBe(400);
    expect(issuesOf(response.body)).toContain(field);
  });

  it('given a draft, when an admin previews it for a chat, then rendered with its unknown variables', async () => {
    const { status, body } = await gateway.call('/api/templates/preview', {
      token: admin,
      body: { text: 'Hi {user_name}: {offer}, {price}', conversationId: CHAT },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ rendered: 'Hi Anna: -20% today, ', unknownVariables: ['price'] });
  });

  it('given a draft over the limit or another workspace chat, then 400 naming text and 404', async () => {
    const tooLong = await gateway.call('/api/templates/preview', {
      token: admin,
      body: { text: 'x'.repeat(4097), conversationId: CHAT },
    });
    expect(tooLong.status).toBe(400);
    expect(issuesOf(tooLong.body)).toContain('text');
    const elsewhere = await gateway.call('/api/templates/preview', {
      token: admin,
      body: { text: 'Hi', conversationId: OTHER_WORKSPACE_CHAT },
    });
    expect(elsewhere.status).toBe(404);
  });

  it('given a manager, when they preview, then 403', async () => {
    const { status } = await gateway.call('/api/templates/preview', {
      token: manager,
      body: { text: 'Hi', conversationId: CHAT },
    });
    expect(status).toBe(403);
  });
});
