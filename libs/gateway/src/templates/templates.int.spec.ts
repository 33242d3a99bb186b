import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  CONVERSATION_SERVICE,
  streamName,
  templateLibraryId,
  type CommandEnvelope,
  type ReplyTemplate,
  type SendMessageData,
  type UploadedAttachment,
} from '@parley/contracts';
import { templateLibraryDecider, type TemplateLibraryCommand } from '@parley/crm-domain';
import { createFileSystemMediaStore, type MediaStore } from '@parley/media-store';
import { projectWorkspaceEvent } from '@parley/projections';
import { InMemoryCheckpointStore, Relay } from '@parley/relay';
import { appendingHandler } from '../testing/command-stand-in';
import { ADMIN, startTestGateway, type TestGateway } from '../testing/test-gateway';

const CHAT = 'ws1:tg:1:42';
const NEW_CHAT = 'ws1:tg:1:43';
const OTHER_WORKSPACE_CHAT = 'ws2:tg:1:44';
const CLICK_ID = 'AbCdEfGhIjKlMnOpQrStUv';
const LIBRARY_STREAM = streamName('crm', templateLibraryId('ws1'));
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** The media store's limit here: small, so a 413 needs no large body. */
const STORE_LIMIT = 200_000;

describe('gateway template routes (issue 13, B1, B3)', () => {
  let gateway: TestGateway;
  let relay: Relay;
  let processor: CommandProcessor;
  let directory: string;
  let media: MediaStore;
  /** The conversation service's side, standing in: what SendMessage commands reached it. */
  let conversation: CommandProcessor;
  const sent: CommandEnvelope[] = [];
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
    directory = await mkdtemp(path.join(tmpdir(), 'parley-template-files-'));
    media = await createFileSystemMediaStore({ directory, maxBytes: STORE_LIMIT });
    gateway = await startTestGateway({ module: { mediaStore: media } });
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
    const queued = appendingHandler(
      gateway.store,
      'conversation',
      () => 'Conversation.ManagerMessageQueued',
    );
    conversation = new CommandProcessor({
      bus: gateway.bus,
      store: gateway.store,
      service: CONVERSATION_SERVICE,
      handlers: {
        SendMessage: (command) => {
          sent.push(command);
          return queued(command);
        },
      },
      log: () => undefined,
    });
    await conversation.start();

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
    await conversation?.stop();
    await processor?.stop();
    await relay?.stop();
    await gateway?.close();
    await media?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
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
      templates: [{ templateId, ...greeting, attachment: null }],
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

  describe('a template’s file (issue 13)', () => {
    const upload = async (
      kind: string,
      body: Buffer,
      options: { name?: string; token?: string; type?: string } = {},
    ) => {
      const query = new URLSearchParams({ kind, ...(options.name && { name: options.name }) });
      const response = await fetch(`${gateway.url}/api/templates/attachments?${query}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token ?? admin}`,
          'content-type': options.type ?? 'application/octet-stream',
        },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const templateFiles = () =>
      media.list({ workspaceId: 'ws1', conversationId: templateLibraryId('ws1'), limit: 100 });
    const prices = { name: 'Prices', shortcode: 'prices', text: 'Our prices, {user_name}' };
    let pdf: UploadedAttachment;
    let pricesId: string;

    it('given an admin uploads a PDF, then 201 with what the store found, kept under the template library', async () => {
      const uploaded = await upload('document', PDF, { name: 'prices.pdf', type: 'text/plain' });
      expect(uploaded.status).toBe(201);
      pdf = uploaded.body as unknown as UploadedAttachment;
      expect(pdf).toMatchObject({
        kind: 'document',
        fileName: 'prices.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      });
      expect((await templateFiles()).map((m) => m.mediaId)).toEqual([pdf.mediaId]);
    });

    it('given the upload, then a manager gets a link to it (to see the file the template sends)', async () => {
      const link = await gateway.call(`/api/media/${pdf.mediaId}/link`, { token: manager });
      expect(link.status).toBe(200);
      expect(link.body).toMatchObject({ url: expect.stringContaining(pdf.mediaId) });
    });

    it('given the upload, when an admin creates a template naming it, then the library and the chat templates show the file', async () => {
      const created = await gateway.call('/api/templates', {
        token: admin,
        body: { ...prices, attachmentId: pdf.mediaId },
      });
      expect(created.status).toBe(202);
      pricesId = (created.body as { templateId: string }).templateId;
      const file = {
        mediaId: pdf.mediaId,
        kind: 'document',
        fileName: 'prices.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      };
      const library = (await gateway.call('/api/templates', { token: manager })).body as {
        templates: ReplyTemplate[];
      };
      expect(library.templates.find((t) => t.templateId === pricesId)).toEqual({
        templateId: pricesId,
        ...prices,
        attachment: file,
      });
      const rendered = (await gateway.call(`/api/chats/${CHAT}/templates`, { token: manager }))
        .body as ReplyTemplate[];
      expect(rendered.find((t) => t.templateId === pricesId)).toMatchObject({
        attachment: file,
        rendered: 'Our prices, Anna',
      });
    });

    it('given the template, when a manager sends it to two chats, then each SendMessage carries the file with the text as caption', async () => {
      for (const chat of [CHAT, NEW_CHAT]) {
        const messageId = newId();
        const response = await gateway.call(`/api/chats/${chat}/messages`, {
          token: manager,
          body: { messageId, templateId: pricesId, text: 'Our prices, Anna' },
        });
        expect(response.status).toBe(202);
        const command = sent.find((c) => (c.data as SendMessageData).messageId === messageId);
        expect(command?.data).toEqual({
          conversationId: chat,
          messageId,
          content: {
            kind: 'document',
            attachment: {
              mediaId: pdf.mediaId,
              fileName: 'prices.pdf',
              contentType: 'application/pdf',
              size: PDF.length,
            },
            caption: 'Our prices, Anna',
          },
        });
      }
    });

    it('given a template without a file, an unknown one, or an upload as well, then the send is refused and no command is sent', async () => {
      const commands = sent.length;
      const greetingId = (
        (await gateway.call('/api/templates', { token: manager })).body as {
          templates: ReplyTemplate[];
        }
      ).templates.find((t) => t.shortcode === 'hello')!.templateId;
      for (const templateId of [greetingId, newId()]) {
        const response = await gateway.call(`/api/chats/${CHAT}/messages`, {
          token: manager,
          body: { messageId: newId(), templateId, text: 'Hi' },
        });
        expect(response.status).toBe(422);
        expect(issuesOf(response.body)).toEqual(['templateId']);
      }
      const both = await gateway.call(`/api/chats/${CHAT}/messages`, {
        token: manager,
        body: { messageId: newId(), templateId: pricesId, attachmentId: pdf.mediaId },
      });
      expect(both.status).toBe(400);
      expect(sent).toHaveLength(commands);
    });

    it('given the template’s file, when it is named as a chat upload, then 422: only templateId sends it', async () => {
      const response = await gateway.call(`/api/chats/${CHAT}/messages`, {
        token: manager,
        body: { messageId: newId(), attachmentId: pdf.mediaId },
      });
      expect(response.status).toBe(422);
      expect(issuesOf(response.body)).toEqual(['attachmentId']);
    });

    it('given a text over a caption’s 1,024 characters, then 422 template.caption_too_long', async () => {
      const response = await gateway.call(`/api/templates/${pricesId}`, {
        token: admin,
        method: 'PUT',
        body: { ...prices, text: 'x'.repeat(1025), attachmentId: pdf.mediaId },
      });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'template.caption_too_long' });
    });

    it('given a PUT without attachmentId, then the file is removed from the template', async () => {
      const response = await gateway.call(`/api/templates/${pricesId}`, {
        token: admin,
        method: 'PUT',
        body: prices,
      });
      expect(response.status).toBe(202);
      const library = (await gateway.call('/api/templates', { token: admin })).body as {
        templates: ReplyTemplate[];
      };
      expect(library.templates.find((t) => t.templateId === pricesId)?.attachment).toBeNull();
    });

    it('given a photo that is not one, or a body over the limit, then 415 and 413 and nothing is kept', async () => {
      const before = (await templateFiles()).length;
      const notAPhoto = await upload('photo', PDF);
      expect(notAPhoto.status).toBe(415);
      expect(notAPhoto.body).toMatchObject({
        issues: [
          { field: 'body', reason: expect.stringMatching(/a photo must be JPEG, PNG, WebP/) },
        ],
      });
      const tooLarge = await upload('document', Buffer.alloc(STORE_LIMIT + 1, 1));
      expect(tooLarge.status).toBe(413);
      expect(await templateFiles()).toHaveLength(before);
    });

    it('given a manager, then uploading a template’s file is 403', async () => {
      expect((await upload('photo', PNG, { token: manager })).status).toBe(403);
    });

    it('given another workspace’s file or a chat’s upload, when a template names it, then 422 naming attachmentId', async () => {
      const elsewhere = await media.put(
        {
          mediaId: newId(),
          workspaceId: 'ws2',
          conversationId: templateLibraryId('ws2'),
          kind: 'photo',
          declaredContentType: 'image/png',
          fileName: 'theirs.png',
          createdAt: '2026-12-01T10:00:00.000Z',
        },
        (async function* () {
          yield PNG;
        })(),
      );
      const chatUpload = await media.put(
        {
          mediaId: newId(),
          workspaceId: 'ws1',
          conversationId: CHAT,
          kind: 'photo',
          declaredContentType: 'image/png',
          fileName: 'chat.png',
          createdAt: '2026-12-01T10:00:00.000Z',
        },
        (async function* () {
          yield PNG;
        })(),
      );
      for (const attachmentId of [elsewhere.mediaId, chatUpload.mediaId]) {
        const response = await gateway.call('/api/templates', {
          token: admin,
          body: { name: 'Theirs', shortcode: 'theirs', text: 'Look', attachmentId },
        });
        expect(response.status).toBe(422);
        expect(issuesOf(response.body)).toEqual(['attachmentId']);
      }
    });
  });
});
