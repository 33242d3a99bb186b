import { handleCommand, handlerWithData, type CommandHandler } from '@parley/command-handling';
import {
  ChangeRuleDataDto,
  CreateRuleDataDto,
  ROBOTS_SERVICE,
  RuleRefDataDto,
  ruleKey,
  streamName,
  type ChangeRuleData,
  type CommandEnvelope,
  type CreateRuleData,
  type RobotRuleView,
  type RuleDefinition,
  type RuleRefData,
} from '@parley/contracts';
import { projectWorkspaceEvent } from '@parley/projections';
import { ruleDecider, type RuleCommand } from '@parley/robots-domain';
import { startCommandStandIn, type CommandStandIn } from '../testing/command-stand-in';
import { ADMIN, startTestGateway, type TestGateway } from '../testing/test-gateway';

const priceQuestion: RuleDefinition = {
  name: 'Price question',
  trigger: { kind: 'keyword', keywords: ['price', 'how much'] },
  conditions: [{ kind: 'tags', match: 'none', tags: ['vip'] }],
  actions: [
    { kind: 'add_tag', tag: 'price-asked' },
    // Five notes of about 4,000 characters: a rule over the 16 KB of most routes.
    ...[1, 2, 3, 4, 5].map((n) => ({
      kind: 'add_note' as const,
      text: `${n}. Asked for the price. `.repeat(160),
    })),
  ],
};
const greeting: RuleDefinition = {
  name: 'Greeting',
  trigger: { kind: 'first_message' },
  conditions: [],
  actions: [{ kind: 'send_template', templateId: 'hello' }],
};

describe('gateway robot rule routes (issue 13, A2, A4)', () => {
  let gateway: TestGateway;
  let robots: CommandStandIn;
  let manager: string;
  let admin: string;

  /**
   * The robots service's command side as it keeps rules: the rule decider on the rule's stream
   * behind the same DTOs, its events projected into `robot_rules` before the outcome is
   * answered, as the projector would soon after.
   */
  const onRule =
    <Data extends { ruleId: string; actorRole: RuleCommand['actorRole'] }>(
      kind: RuleCommand['kind'],
      dto: new () => object,
    ): CommandHandler =>
    (envelope: CommandEnvelope) =>
      handlerWithData<Data>(dto, kind, async (data, command) => {
        const { workspaceId } = command.metadata;
        const stream = streamName('robots', ruleKey(workspaceId, data.ruleId));
        const positions = await handleCommand({
          store: gateway.store,
          streamName: stream,
          aggregateId: ruleKey(workspaceId, data.ruleId),
          decider: ruleDecider,
          command: {
            kind,
            ...data,
            actorId: command.metadata.actor.id,
            position: Date.parse(command.metadata.issuedAt),
          } as RuleCommand,
          envelope: command,
        });
        for (const r of await gateway.store.readStream(stream)) {
          const projection = projectWorkspaceEvent({
            streamName: r.streamName,
            revision: r.revision,
            position: r.position.toString(),
            event: r.event,
          });
          for (const op of projection?.operations ?? []) {
            try {
              await gateway.readStore
                .collection(op.collection)
                .updateOne(op.filter, op.update, { upsert: op.upsert });
            } catch (error) {
              // Already applied: the guarded upsert of a replay collides with the document.
              if ((error as { code?: unknown }).code !== 11000) throw error;
            }
          }
        }
        return positions;
      })(envelope);

  beforeAll(async () => {
    gateway = await startTestGateway();
    robots = await startCommandStandIn(gateway, ROBOTS_SERVICE, {
      CreateRule: onRule<CreateRuleData>('CreateRule', CreateRuleDataDto),
      ChangeRule: onRule<ChangeRuleData>('ChangeRule', ChangeRuleDataDto),
      EnableRule: onRule<RuleRefData>('EnableRule', RuleRefDataDto),
      DisableRule: onRule<RuleRefData>('DisableRule', RuleRefDataDto),
      DeleteRule: onRule<RuleRefData>('DeleteRule', RuleRefDataDto),
    });
    manager = (await gateway.signIn()).accessToken;
    admin = (await gateway.signIn(ADMIN)).accessToken;
  }, 60_000);

  afterAll(async () => {
    await robots?.stop();
    await gateway?.close();
  });

  const rules = async (): Promise<RobotRuleView[]> => {
    const { status, body } = await gateway.call('/api/robots/rules', { token: admin });
    expect(status).toBe(200);
    return body as RobotRuleView[];
  };
  const create = async (definition: RuleDefinition, enabled?: boolean) => {
    const { status, body } = await gateway.call('/api/robots/rules', {
      token: admin,
      body: enabled === undefined ? { definition } : { definition, enabled },
    });
    expect(status).toBe(202);
    return (body as { ruleId: string }).ruleId;
  };

  it('given no rules yet, then an admin gets an empty list', async () => {
    expect(await rules()).toEqual([]);
  });

  it('given an admin creates rules (one over 16 KB), then 202 with their ids and they are listed in order', async () => {
    const { status, body } = await gateway.call('/api/robots/rules', {
      token: admin,
      body: { definition: priceQuestion },
    });
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: 'accepted', ruleId: expect.any(String) });
    const priceId = (body as { ruleId: string }).ruleId;
    const greetingId = await create(greeting, false);

    expect(await rules()).toEqual([
      {
        ruleId: priceId,
        name: 'Price question',
        enabled: true,
        position: expect.any(Number),
        definition: priceQuestion,
        lastRuns: [],
      },
      {
        ruleId: greetingId,
        name: 'Greeting',
        enabled: false,
        position: expect.any(Number),
        definition: greeting,
        lastRuns: [],
      },
    ]);
    const sent = robots.received.find((c) => c.type === 'CreateRule')!;
    expect(sent.data).toEqual({
      ruleId: priceId,
      definition: priceQuestion,
      enabled: true,
      actorRole: 'admin',
    });
    expect(sent.metadata.aggregateId).toBe(ruleKey('ws1', priceId));
  });

  it('given a manager, then every rule route answers 403', async () => {
    const ruleId = (await rules())[0]!.ruleId;
    const calls = [
      gateway.call('/api/robots/rules', { token: manager }),
      gateway.call('/api/robots/rules', { token: manager, body: { definition: greeting } }),
      gateway.call(`/api/robots/rules/${ruleId}`, {
        token: manager,
        method: 'PUT',
        body: { definition: greeting },
      }),
      gateway.call(`/api/robots/rules/${ruleId}/disable`, { token: manager, method: 'POST' }),
      gateway.call(`/api/robots/rules/${ruleId}`, { token: manager, method: 'DELETE' }),
    ];
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
  });

  it.each([
    ['a trigger of no kind', 'definition', { definition: { ...greeting, trigger: { kind: 'x' } } }],
    ['no definition', 'definition', { enabled: true }],
    ['enabled that is no boolean', 'enabled', { definition: greeting, enabled: 'yes' }],
    ['an unknown field', 'owner', { definition: greeting, owner: 'me' }],
  ])('given POST /api/robots/rules with %s, then 400 naming %s', async (_what, field, body) => {
    const { status, body: answer } = await gateway.call('/api/robots/rules', {
      token: admin,
      body,
    });
    expect(status).toBe(400);
    expect((answer as { issues: { field: string }[] }).issues.map((i) => i.field)).toContain(field);
  });

  it('given a definition of the wrong shape, then the 400 names definition and what is wrong in it', async () => {
    const { body } = await gateway.call('/api/robots/rules', {
      token: admin,
      body: { definition: { ...greeting, actions: [{ kind: 'pin', when: 'now' }] } },
    });
    expect(body).toMatchObject({
      issues: [{ field: 'definition', reason: expect.stringContaining('actions[0].when') }],
    });
  });

  it('given a definition the robots domain refuses, then 422 rule.invalid', async () => {
    const { status, body } = await gateway.call('/api/robots/rules', {
      token: admin,
      body: { definition: { ...greeting, actions: [{ kind: 'add_tag', tag: '' }] } },
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'rule.invalid' });
  });

  it('given an admin changes, enables, disables and deletes rules, then the list follows', async () => {
    const [price, greet] = await rules();
    const changed = await gateway.call(`/api/robots/rules/${price!.ruleId}`, {
      token: admin,
      method: 'PUT',
      body: { definition: { ...priceQuestion, name: 'Price asked' } },
    });
    expect(changed.status).toBe(202);
    const enabled = await gateway.call(`/api/robots/rules/${greet!.ruleId}/enable`, {
      token: admin,
      method: 'POST',
    });
    expect(enabled.status).toBe(202);
    expect((await rules()).map((r) => [r.name, r.enabled])).toEqual([
      ['Price asked', true],
      ['Greeting', true],
    ]);

    const disabled = await gateway.call(`/api/robots/rules/${price!.ruleId}/disable`, {
      token: admin,
      method: 'POST',
    });
    expect(disabled.status).toBe(202);
    expect((await rules()).map((r) => [r.name, r.enabled])).toEqual([
      ['Price asked', false],
      ['Greeting', true],
    ]);

    const deleted = await gateway.call(`/api/robots/rules/${greet!.ruleId}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(deleted.status).toBe(202);
    expect((await rules()).map((r) => r.ruleId)).toEqual([price!.ruleId]);
  });

  it('given a rule that does not exist, then 404 rule.not_found; a ruleId that is no UUID, 400 naming ruleId', async () => {
    const unknown = await gateway.call(
      '/api/robots/rules/6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0aff/enable',
      { token: admin, method: 'POST' },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'rule.not_found' });
    const notUuid = await gateway.call('/api/robots/rules/not-a-rule', {
      token: admin,
      method: 'PUT',
      body: { definition: greeting },
    });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body).toMatchObject({ issues: [{ field: 'ruleId' }] });
  });

  it('given PUT with enabled, then 400: a change carries the definition only', async () => {
    const [price] = await rules();
    const { status, body } = await gateway.call(`/api/robots/rules/${price!.ruleId}`, {
      token: admin,
      method: 'PUT',
      body: { definition: greeting, enabled: true },
    });
    expect(status).toBe(400);
    expect((body as { issues: { field: string }[] }).issues.map((i) => i.field)).toContain(
      'enabled',
    );
  });
});
