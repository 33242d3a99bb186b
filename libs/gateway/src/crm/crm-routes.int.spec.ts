import { CommandProcessor, eventsForCommand } from '@parley/command-handling';
import {
  CRM_SERVICE,
  DEFAULT_PIPELINE_STAGES,
  streamName,
  type CommandEnvelope,
} from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import { InMemoryCheckpointStore, Relay } from '@parley/relay';
import { ADMIN, startTestGateway, type TestGateway } from '../testing/test-gateway';

const CHAT = 'ws1:tg:1:42';
const CONTACT = 'ws1:contact:tg:42';
const DEAL = 'ws1:deal:tg:42';
const NO_CONTACT = 'ws1:tg:1:43';

const cardDocument = (id: string, withContact: boolean) => ({
  _id: id,
  workspaceId: 'ws1',
  contact: withContact ? { contactId: CONTACT, name: 'Anna', tags: [] } : null,
  deal: withContact ? { dealId: DEAL, stage: 'new', line: 1 } : null,
});

describe('gateway CRM routes (issue 10)', () => {
  let gateway: TestGateway;
  let relay: Relay;
  let processor: CommandProcessor;
  let manager: string;
  let admin: string;
  const received: CommandEnvelope[] = [];

  /** A stand-in CRM service: appends one event, or rejects a retired stage like the real one. */
  const handle = async (command: CommandEnvelope) => {
    received.push(command);
    const data = command.data as { stageId?: string };
    if (command.type === 'MoveDealToStage' && data.stageId === 'lost') {
      throw new DomainRuleViolation(
        'stage.retired',
        'The stage "Lost" is retired: move the deal to a live stage.',
      );
    }
    const stream = streamName('crmtest', command.metadata.aggregateId);
    const result = await gateway.store.append(
      stream,
      eventsForCommand(command, command.metadata.aggregateId, [
        { type: `Test.${command.type}`, data: command.data },
      ]),
      { expected: 'any' },
    );
    return result.positions.map((p) => ({
      streamName: stream,
      revision: p.revision,
      position: p.position.toString(),
    }));
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    relay = new Relay({
      store: gateway.store,
      bus: gateway.bus,
      checkpoints: new InMemoryCheckpointStore(),
    });
    await relay.start();
    const types = [
      'AddTag',
      'RemoveTag',
      'SetResponsibleManager',
      'EditContact',
      'RecordSale',
      'MoveDealToStage',
      'ChangeDealLine',
      'CreateTag',
      'ChangeTagColour',
      'ChangeTagSettings',
      'AddStage',
      'RenameStage',
      'ReorderStages',
      'RetireStage',
    ];
    processor = new CommandProcessor({
      bus: gateway.bus,
      store: gateway.store,
      service: CRM_SERVICE,
      handlers: Object.fromEntries(types.map((t) => [t, handle])),
      log: () => undefined,
    });
    await processor.start();
    for (const [id, withContact] of [
      [CHAT, true],
      [NO_CONTACT, false],
    ] as const) {
      await gateway.readStore
        .collection('cards')
        .replaceOne({ _id: id }, cardDocument(id, withContact), { upsert: true });
    }
    manager = (await gateway.signIn()).accessToken;
    admin = (await gateway.signIn(ADMIN)).accessToken;
  }, 60_000);

  afterAll(async () => {
    await processor?.stop();
    await relay?.stop();
    await gateway?.close();
  });

  const last = () => received.at(-1)!;
  const issuesOf = (body: unknown) =>
    (body as { issues: { field: string }[] }).issues.map((i) => i.field);

  it('given a contact, when a manager adds a tag with spaces around it, then 202 and AddTag carries the trimmed name, the contact and the role', async () => {
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/tags`, {
      token: manager,
      body: { name: '  VIP  ' },
    });
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: 'accepted' });
    expect(last()).toMatchObject({
      service: 'crm',
      type: 'AddTag',
      data: { contactId: CONTACT, name: 'VIP', actorRole: 'manager' },
      metadata: { workspaceId: 'ws1', aggregateId: CONTACT, actor: { kind: 'manager' } },
    });
  });

  it.each([
    ['tags', { name: '   ' }, 'name'],
    ['tags', { name: 'x'.repeat(41) }, 'name'],
    ['sales', { accountId: 'acc-1', amount: '10.00', currency: 'XYZ' }, 'currency'],
    ['sales', { accountId: 'acc-1', amount: '10.005', currency: 'USD' }, 'amount'],
    ['sales', { accountId: 'acc-1', amount: 10, currency: 'USD' }, 'amount'],
    ['sales', { accountId: 'acc-1', amount: '5.5', currency: 'JPY' }, 'amount'],
    ['contact', { telegramId: '1' }, 'telegramId'],
    ['contact', { username: 'someone' }, 'username'],
    ['contact', { country: 'Germany' }, 'country'],
    ['line', { line: 3 }, 'line'],
    ['stage', { stageId: 'a.b' }, 'stageId'],
  ])('given POST/PATCH %s with %j, then 400 naming %s', async (path, body, field) => {
    const method = path === 'contact' ? 'PATCH' : 'POST';
    const response = await gateway.call(`/api/chats/${CHAT}/${path}`, {
      token: manager,
      method,
      body,
    });
    expect(response.status).toBe(400);
    expect(issuesOf(response.body)).toContain(field);
  });

  it('given a sale in a currency without decimals, then 202 with the sale id, and RecordSale carries amount and currency', async () => {
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/sales`, {
      token: manager,
      body: { accountId: 'acc-7', amount: '1500', currency: 'JPY' },
    });
    expect(status).toBe(202);
    const { saleId } = body as { saleId: string };
    expect(last().data).toEqual({
      contactId: CONTACT,
      saleId,
      accountId: 'acc-7',
      amount: '1500',
      currency: 'JPY',
    });
  });

  it('given a manager edits the country and clears the phone, then EditContact carries only those', async () => {
    const { status } = await gateway.call(`/api/chats/${CHAT}/contact`, {
      token: manager,
      method: 'PATCH',
      body: { country: 'DE', phone: null },
    });
    expect(status).toBe(202);
    expect(last().data).toEqual({ contactId: CONTACT, country: 'DE', phone: null });
  });

  it('given a retired stage, when a manager moves the deal to it, then 422 with the reason', async () => {
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/stage`, {
      token: manager,
      body: { stageId: 'lost' },
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'stage.retired',
      message: 'The stage "Lost" is retired: move the deal to a live stage.',
    });
  });

  it('given a live stage and line 2, then MoveDealToStage and ChangeDealLine go to the deal', async () => {
    expect(
      (
        await gateway.call(`/api/chats/${CHAT}/stage`, {
          token: manager,
          body: { stageId: 'in_progress' },
        })
      ).status,
    ).toBe(202);
    expect(last()).toMatchObject({
      type: 'MoveDealToStage',
      data: { dealId: DEAL, stageId: 'in_progress' },
    });
    expect(
      (await gateway.call(`/api/chats/${CHAT}/line`, { token: manager, body: { line: 2 } })).status,
    ).toBe(202);
    expect(last()).toMatchObject({ type: 'ChangeDealLine', data: { dealId: DEAL, line: 2 } });
  });

  it('given the responsible manager route, then a known user is assigned, null unassigns, an unknown one is 422', async () => {
    const me = (await gateway.signIn()).user.id;
    const path = `/api/chats/${CHAT}/responsible-manager`;
    expect(
      (await gateway.call(path, { token: manager, method: 'PUT', body: { managerId: me } })).status,
    ).toBe(202);
    expect(last()).toMatchObject({
      type: 'SetResponsibleManager',
      data: { contactId: CONTACT, managerId: me },
    });
    expect(
      (await gateway.call(path, { token: manager, method: 'PUT', body: { managerId: null } }))
        .status,
    ).toBe(202);
    expect(last().data).toEqual({ contactId: CONTACT, managerId: null });
    const unknown = await gateway.call(path, {
      token: manager,
      method: 'PUT',
      body: { managerId: 'nobody' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'manager.unknown' });
  });

  it('given a conversation without a contact, when a manager tags it, then 404 and no command', async () => {
    const before = received.length;
    const { status } = await gateway.call(`/api/chats/${NO_CONTACT}/tags`, {
      token: manager,
      body: { name: 'VIP' },
    });
    expect(status).toBe(404);
    expect(received).toHaveLength(before);
  });

  it.each([
    ['POST', '/api/crm/tags', { name: 'VIP', colour: '#FF0000' }],
    ['PUT', '/api/crm/tags/settings', { managersCreateTags: true }],
    ['PATCH', '/api/crm/tags/VIP', { colour: '#00ff00' }],
    ['POST', '/api/crm/pipeline/stages', { name: 'Won' }],
    ['PATCH', '/api/crm/pipeline/stages/new', { name: 'Fresh' }],
    ['POST', '/api/crm/pipeline/stages/lost/retire', undefined],
    ['PUT', '/api/crm/pipeline/order', { stageIds: ['new'] }],
  ])('given a manager, when %s %s, then 403 and no command', async (method, path, body) => {
    const before = received.length;
    const { status } = await gateway.call(path, { token: manager, method, body });
    expect(status).toBe(403);
    expect(received).toHaveLength(before);
  });

  it('given an admin, when they create a tag, then 202 and CreateTag carries the lower-cased colour and the admin role', async () => {
    const { status } = await gateway.call('/api/crm/tags', {
      token: admin,
      body: { name: ' VIP ', colour: '#FF0000' },
    });
    expect(status).toBe(202);
    expect(last()).toMatchObject({
      type: 'CreateTag',
      data: { name: 'VIP', colour: '#ff0000', actorRole: 'admin' },
      metadata: { aggregateId: 'ws1:crm_settings' },
    });
  });

  it.each([
    ['POST', '/api/crm/tags', { name: 'VIP', colour: 'red' }, 'colour'],
    ['POST', '/api/crm/pipeline/stages', { name: '' }, 'name'],
    ['PUT', '/api/crm/pipeline/order', { stageIds: 'new' }, 'stageIds'],
    ['PUT', '/api/crm/tags/settings', { managersCreateTags: 'yes' }, 'managersCreateTags'],
  ])(
    'given an admin, when %s %s with %j, then 400 naming %s',
    async (method, path, body, field) => {
      const response = await gateway.call(path, { token: admin, method, body });
      expect(response.status).toBe(400);
      expect(issuesOf(response.body)).toContain(field);
    },
  );

  it('given an admin adds a stage without an id, then 202 with the id the gateway chose', async () => {
    const { status, body } = await gateway.call('/api/crm/pipeline/stages', {
      token: admin,
      body: { name: 'Won' },
    });
    expect(status).toBe(202);
    const { stageId } = body as { stageId: string };
    expect(last()).toMatchObject({ type: 'AddStage', data: { stageId, name: 'Won' } });
  });

  it('given a workspace nobody configured, when anyone reads the catalogue and the pipeline, then the defaults', async () => {
    const tags = await gateway.call('/api/crm/tags', { token: manager });
    expect(tags).toMatchObject({ status: 200, body: { tags: [], managersCreateTags: false } });
    const pipeline = await gateway.call('/api/crm/pipeline', { token: manager });
    expect(pipeline).toMatchObject({ status: 200, body: { stages: DEFAULT_PIPELINE_STAGES } });
  });
});
