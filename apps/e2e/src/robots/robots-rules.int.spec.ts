// The robots service with the services its rules act through (crm, conversation, tasks-notes), on
// embedded engines: a flow across services, so it lives with the other cross-service tests.
import { randomBytes } from 'node:crypto';
import type { Bus } from '@parley/bus';
import type { CommandSender } from '@parley/command-handling';
import {
  CRM_SERVICE,
  deterministicId,
  MAX_ROBOT_DEPTH,
  CONVERSATION_SERVICE,
  newId,
  noteStream,
  ROBOTS_SERVICE,
  streamName,
  taskKey,
  taskStream,
  telegramContactId,
  telegramConversationId,
  telegramDealId,
  templateLibraryId,
  TASKS_NOTES_SERVICE,
  type ChannelMessageReceived,
  type CommandEnvelope,
  type EventEnvelope,
  type RuleDefinition,
  type RuleRan,
} from '@parley/contracts';
import { ConversationServiceModule } from '@parley/conversation-service';
import { CrmServiceModule } from '@parley/crm-service';
import type { EventStore } from '@parley/eventstore';
import {
  embeddedEngines,
  startServiceHarness,
  type ServiceHarness,
} from '@parley/platform/testing';
import { messageForRecordedEvent } from '@parley/relay';
import { TasksNotesServiceModule } from '@parley/tasks-notes-service';
import { waitUntil } from '@parley/test-infra';
import { RobotsServiceModule, ruleStream, runsStream } from '@parley/robots-service';

const hex = () => randomBytes(4).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let lastUpdateId = Number.parseInt(hex(), 16);
const telegramUserId = () => String(Number.parseInt(hex(), 16));

describe('robots service with conversation, crm and tasks-notes on PGlite + in-process bus', () => {
  const workspaceId = `ws${hex()}`;
  const botId = '111';
  const admin = { kind: 'manager' as const, id: 'admin-1' };
  let harness: ServiceHarness<{ timeoutMs: number }>;
  let store: EventStore;
  let bus: Bus;
  let sender: CommandSender;

  beforeAll(async () => {
    harness = await startServiceHarness({
      engines: embeddedEngines(),
      serviceName: `robots-test-${hex()}`,
      workspaceId,
      modules: [
        ConversationServiceModule.register(),
        CrmServiceModule.register(),
        TasksNotesServiceModule.register(),
        RobotsServiceModule.register({ timeZone: 'Europe/Moscow' }),
      ],
      commandSender: { timeoutMs: 30_000 },
    });
    ({ store, bus, sender } = harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  const eventsOf = async (stream: string): Promise<EventEnvelope[]> =>
    (await store.readStream(stream)).map((r) => r.event);
  const runsOf = async (conversationId: string) =>
    (await eventsOf(runsStream(conversationId))) as RuleRan[];

  const command = (
    service: string,
    type: string,
    aggregateId: string,
    data: object,
  ): CommandEnvelope => ({
    commandId: newId(),
    service,
    type,
    data,
    metadata: {
      workspaceId,
      aggregateId,
      issuedAt: new Date().toISOString(),
      correlationId: newId(),
      causationId: null,
      actor: admin,
    },
  });

  const createRule = async (definition: RuleDefinition): Promise<string> => {
    const ruleId = newId();
    const outcome = await sender.send(
      command(ROBOTS_SERVICE, 'CreateRule', `${workspaceId}:rule:${ruleId}`, {
        ruleId,
        definition,
        enabled: true,
        actorRole: 'admin',
      }),
    );
    expect(outcome.status).toBe('accepted');
    return ruleId;
  };

  /** A client writes `text` in a private chat, as channel-telegram stores it. */
  const clientWrites = async (who: string, text: string) => {
    const updateId = ++lastUpdateId;
    const conversationId = telegramConversationId(workspaceId, botId, who);
    const eventId = deterministicId('tg', botId, updateId);
    const event: ChannelMessageReceived = {
      type: 'Channel.MessageReceived',
      data: {
        channel: 'telegram',
        botId,
        chatId: who,
        conversationId,
        client: {
          externalId: who,
          username: null,
          firstName: 'Anna',
          lastName: null,
          languageCode: 'en',
        },
        updateId,
        externalMessageId: String(updateId),
        content: { kind: 'text', text },
        sentAt: new Date().toISOString(),
      },
      metadata: {
        eventId,
        workspaceId,
        aggregateId: conversationId,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
        correlationId: eventId,
        causationId: null,
        actor: { kind: 'client', id: who },
      },
    };
    await store.append(streamName('channel', conversationId), [event], { expected: 'any' });
    return { conversationId, event };
  };

  const dealExists = (who: string) =>
    waitUntil(`the deal of ${who}`, async () =>
      (await eventsOf(streamName('crm', telegramDealId(workspaceId, who)))).length > 0
        ? true
        : undefined,
    );

  let priceRuleId: string;
  let offerTemplateId: string;

  it('given an admin, when CreateTemplate and SetWorkspaceVariable are sent, then the library has the offer template and {offer}', async () => {
    const templateId = newId();
    const libraryId = templateLibraryId(workspaceId);
    const created = await sender.send(
      command(CRM_SERVICE, 'CreateTemplate', libraryId, {
        templateId,
        name: 'Offer',
        shortcode: 'offer',
        text: 'Hi {user_name}, our offer: {offer}',
        attachment: null,
        actorRole: 'admin',
      }),
    );
    const set = await sender.send(
      command(CRM_SERVICE, 'SetWorkspaceVariable', libraryId, {
        name: 'offer',
        value: '20% off this week',
        actorRole: 'admin',
      }),
    );

    expect(created.status).toBe('accepted');
    expect(set.status).toBe('accepted');
    expect((await eventsOf(streamName('crm', libraryId))).map((e) => e.type)).toEqual([
      'Crm.TemplateCreated',
      'Crm.WorkspaceVariableSet',
    ]);
    offerTemplateId = templateId;
  });

  it('given an admin, when CreateRule is sent, then the rule is created at the time it was asked for', async () => {
    const ruleId = newId();
    const definition: RuleDefinition = {
      name: 'Price question',
      trigger: { kind: 'keyword', keywords: ['price'] },
      conditions: [],
      actions: [
        { kind: 'change_stage', stage: 'in_progress' },
        { kind: 'add_tag', tag: 'price-asked' },
        { kind: 'add_note', text: 'The client asked for the price' },
        { kind: 'send_template', templateId: offerTemplateId },
      ],
    };
    const cmd = command(ROBOTS_SERVICE, 'CreateRule', `${workspaceId}:rule:${ruleId}`, {
      ruleId,
      definition,
      enabled: true,
      actorRole: 'admin',
    });

    expect((await sender.send(cmd)).status).toBe('accepted');

    expect(await eventsOf(ruleStream(workspaceId, ruleId))).toEqual([
      expect.objectContaining({
        type: 'Robots.RuleCreated',
        data: {
          ruleId,
          definition,
          position: Date.parse(cmd.metadata.issuedAt),
          enabled: true,
          createdBy: 'admin-1',
        },
      }),
    ]);
    priceRuleId = ruleId;
  });

  it('given a manager or an empty tag name, when CreateRule is sent, then it is rejected', async () => {
    const ruleId = newId();
    const definition = {
      name: 'Bad',
      trigger: { kind: 'message_received' },
      conditions: [],
      actions: [{ kind: 'add_tag', tag: ' ' }],
    };
    const asManager = await sender.send(
      command(ROBOTS_SERVICE, 'CreateRule', `${workspaceId}:rule:${ruleId}`, {
        ruleId,
        definition: { ...definition, actions: [{ kind: 'add_tag', tag: 'x' }] },
        enabled: true,
        actorRole: 'manager',
      }),
    );
    const emptyTag = await sender.send(
      command(ROBOTS_SERVICE, 'CreateRule', `${workspaceId}:rule:${ruleId}`, {
        ruleId,
        definition,
        enabled: true,
        actorRole: 'admin',
      }),
    );

    expect(asManager).toMatchObject({ status: 'rejected', code: 'role.admin_only' });
    expect(emptyTag).toMatchObject({ status: 'rejected', code: 'rule.invalid' });
    expect(await eventsOf(ruleStream(workspaceId, ruleId))).toEqual([]);
  });

  it('given the price rule, when a client asks for the price, then the deal moves, the tag and a note are added and the offer template is sent by the robot, and the run is recorded once', async () => {
    const who = telegramUserId();
    const { conversationId, event } = await clientWrites(who, 'What is the price?');
    const robot = { kind: 'robot', id: priceRuleId };
    const contactStream = streamName('crm', telegramContactId(workspaceId, who));
    const dealStream = streamName('crm', telegramDealId(workspaceId, who));

    const [run] = await waitUntil('the run', async () => {
      const runs = await runsOf(conversationId);
      return runs.length > 0 ? runs : undefined;
    });
    const noteId = deterministicId('robot-note', run!.data.runId, 2);
    const byRobot = (e: EventEnvelope) => e.metadata.actor.kind === 'robot';
    const conversationStream = streamName('conversation', conversationId);
    const queuedMessages = async () =>
      (await eventsOf(conversationStream)).filter(
        (e) => e.type === 'Conversation.ManagerMessageQueued',
      );
    const [stageChanged, tagAdded, noteAdded, messageQueued] = await waitUntil(
      'the robot’s effects',
      async () => {
        const stage = (await eventsOf(dealStream)).find(byRobot);
        const tag = (await eventsOf(contactStream)).find(byRobot);
        const [note] = await eventsOf(noteStream(workspaceId, noteId));
        const [queued] = await queuedMessages();
        return stage && tag && note && queued ? [stage, tag, note, queued] : undefined;
      },
    );

    expect(run).toMatchObject({
      type: 'Robots.RuleRan',
      data: {
        ruleId: priceRuleId,
        ruleName: 'Price question',
        conversationId,
        outcome: 'run',
        reason: null,
        depth: 0,
      },
      metadata: { correlationId: event.metadata.correlationId, actor: robot },
    });
    expect(stageChanged).toMatchObject({
      type: 'Crm.DealStageChanged',
      data: { from: 'new', to: 'in_progress' },
      metadata: { actor: robot, correlationId: event.metadata.correlationId },
    });
    expect(tagAdded).toMatchObject({
      type: 'Crm.TagAdded',
      data: { tag: { name: 'price-asked' } },
      metadata: { actor: robot },
    });
    expect(noteAdded).toMatchObject({
      type: 'TasksNotes.NoteAdded',
      data: {
        noteId,
        conversationId,
        text: 'The client asked for the price',
        authorId: priceRuleId,
      },
      metadata: { actor: robot },
    });
    expect(messageQueued).toMatchObject({
      type: 'Conversation.ManagerMessageQueued',
      data: {
        conversationId,
        messageId: deterministicId('robot-message', run!.data.runId, 3),
        managerId: priceRuleId,
        content: { kind: 'text', text: 'Hi Anna, our offer: 20% off this week' },
      },
      metadata: { actor: robot, correlationId: event.metadata.correlationId },
    });

    // When the client message is delivered again
    const [message] = (await store.readStream(streamName('conversation', conversationId))).filter(
      (r) => r.event.type === 'Conversation.ClientMessageReceived',
    );
    await bus.publish([messageForRecordedEvent(message!)]);
    await sleep(1_500);

    // Then the rule did not run twice
    expect(await runsOf(conversationId)).toHaveLength(1);
    expect((await eventsOf(dealStream)).filter(byRobot)).toHaveLength(1);
    expect((await eventsOf(contactStream)).filter(byRobot)).toHaveLength(1);
    expect(await eventsOf(noteStream(workspaceId, noteId))).toHaveLength(1);
    expect(await queuedMessages()).toHaveLength(1);
  }, 60_000);

  it('given the price rule, when a message has no keyword, then no rule runs', async () => {
    const who = telegramUserId();
    const { conversationId } = await clientWrites(who, 'Hello, how are you?');
    await dealExists(who);
    await sleep(1_500);

    expect(await runsOf(conversationId)).toEqual([]);
    const dealEvents = await eventsOf(streamName('crm', telegramDealId(workspaceId, who)));
    expect(dealEvents.map((e) => e.type)).toEqual(['Crm.DealCreated']);
  }, 60_000);

  it('given two rules that trigger each other, when a manager adds the tag, then they stop after MAX_ROBOT_DEPTH steps with a stopped run', async () => {
    const x = `x-${hex()}`;
    const y = `y-${hex()}`;
    const ping = await createRule({
      name: 'Ping',
      trigger: { kind: 'tag_added', tag: x },
      conditions: [],
      actions: [
        { kind: 'remove_tag', tag: x },
        { kind: 'add_tag', tag: y },
      ],
    });
    const pong = await createRule({
      name: 'Pong',
      trigger: { kind: 'tag_added', tag: y },
      conditions: [],
      actions: [
        { kind: 'remove_tag', tag: y },
        { kind: 'add_tag', tag: x },
      ],
    });
    const who = telegramUserId();
    const { conversationId } = await clientWrites(who, 'Hi');
    await dealExists(who);
    const contactId = telegramContactId(workspaceId, who);

    const added = await sender.send(
      command(CRM_SERVICE, 'AddTag', contactId, { contactId, name: x, actorRole: 'admin' }),
    );
    expect(added.status).toBe('accepted');

    const runs = await waitUntil('the stopped run', async () => {
      const all = await runsOf(conversationId);
      return all.some((r) => r.data.outcome === 'stopped') ? all : undefined;
    });
    await sleep(1_000);

    expect(MAX_ROBOT_DEPTH).toBe(3);
    expect(
      (await runsOf(conversationId)).map((r) => [r.data.ruleId, r.data.outcome, r.data.depth]),
    ).toEqual([
      [ping, 'run', 0],
      [pong, 'run', 1],
      [ping, 'run', 2],
      [pong, 'stopped', 3],
    ]);
    expect(runs.at(-1)!.data).toMatchObject({
      actions: [],
      reason: expect.stringContaining('stopped after 3 robot steps'),
    });
    const tagsNow = (await eventsOf(streamName('crm', contactId))).at(-1)!.data as {
      tags: { name: string }[];
    };
    expect(tagsNow.tags.map((t) => t.name)).toEqual([y]);
  }, 60_000);

  it('given a rule on overdue tasks, when the reminder of a task of a conversation fires, then the robot tags its client', async () => {
    const overdueRuleId = await createRule({
      name: 'Overdue',
      trigger: { kind: 'task_overdue' },
      conditions: [],
      actions: [{ kind: 'add_tag', tag: 'overdue' }],
    });
    const who = telegramUserId();
    const { conversationId } = await clientWrites(who, 'Hi');
    await dealExists(who);
    const contactStream = streamName('crm', telegramContactId(workspaceId, who));
    const taskId = newId();

    // A manager's task, due a minute ago: the reminders (in process here) fire at once.
    const created = await sender.send(
      command(TASKS_NOTES_SERVICE, 'CreateTask', taskKey(workspaceId, taskId), {
        taskId,
        conversationId,
        description: 'Call the client back',
        dueAt: new Date(Date.now() - 60_000).toISOString().replace('Z', '+00:00'),
        timeZone: 'UTC',
        assigneeId: 'manager-1',
      }),
    );
    expect(created.status).toBe('accepted');

    const reminder = await waitUntil('the reminder', async () =>
      (await eventsOf(taskStream(workspaceId, taskId))).find(
        (e) => e.type === 'TasksNotes.TaskReminderDue',
      ),
    );
    const tagAdded = await waitUntil('the robot’s tag', async () =>
      (await eventsOf(contactStream)).find(
        (e) => e.type === 'Crm.TagAdded' && e.metadata.actor.kind === 'robot',
      ),
    );

    expect(tagAdded).toMatchObject({
      data: { tag: { name: 'overdue' } },
      metadata: { actor: { kind: 'robot', id: overdueRuleId } },
    });
    expect(await runsOf(conversationId)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ ruleId: overdueRuleId, outcome: 'run', depth: 0 }),
        metadata: expect.objectContaining({
          causationId: reminder.metadata.eventId,
          correlationId: reminder.metadata.correlationId,
        }),
      }),
    ]);
  }, 60_000);

  it('given a callback rule, when clients ask for a callback, then the robot sets a task due in an hour in the service’s time zone, for the responsible manager, else the rule’s creator', async () => {
    const callbackRuleId = await createRule({
      name: 'Callback',
      trigger: { kind: 'keyword', keywords: ['callback'] },
      conditions: [],
      actions: [{ kind: 'create_task', description: 'Call the client back', dueInMinutes: 60 }],
    });
    const taskOf = async (conversationId: string) => {
      const [run] = (await runsOf(conversationId)).filter((r) => r.data.ruleId === callbackRuleId);
      if (!run) return undefined;
      const taskId = deterministicId('robot-task', run.data.runId, 0);
      const [created] = await eventsOf(taskStream(workspaceId, taskId));
      return created ? { run, created } : undefined;
    };

    // A client without a responsible manager
    const annaId = telegramUserId();
    const anna = await clientWrites(annaId, 'Hi');
    await dealExists(annaId);
    // and one whose responsible manager is manager-7
    const boris = telegramUserId();
    const borisChat = await clientWrites(boris, 'Hello');
    await dealExists(boris);
    const borisContact = telegramContactId(workspaceId, boris);
    const assigned = await sender.send(
      command(CRM_SERVICE, 'SetResponsibleManager', borisContact, {
        contactId: borisContact,
        managerId: 'manager-7',
      }),
    );
    expect(assigned.status).toBe('accepted');

    await clientWrites(annaId, 'Callback please');
    await clientWrites(boris, 'Callback please');
    const forAnna = await waitUntil('Anna’s task', () => taskOf(anna.conversationId));
    const forBoris = await waitUntil('Boris’s task', () => taskOf(borisChat.conversationId));

    for (const [{ run, created }, assigneeId] of [
      [forAnna, 'admin-1'],
      [forBoris, 'manager-7'],
    ] as const) {
      expect(created).toMatchObject({
        type: 'TasksNotes.TaskCreated',
        data: {
          conversationId: run.data.conversationId,
          description: 'Call the client back',
          timeZone: 'Europe/Moscow',
          assigneeId,
          createdBy: callbackRuleId,
        },
        metadata: { actor: { kind: 'robot', id: callbackRuleId } },
      });
      const { dueAt } = created.data as { dueAt: string };
      expect(dueAt).toMatch(/\+03:00$/);
      expect(Date.parse(dueAt) - Date.parse(run.data.ranAt)).toBe(60 * 60_000);
    }
  }, 60_000);

  it('given a round-robin rule, when clients write one after another, then each gets the next manager in turn, and a repeated trigger keeps its manager', async () => {
    const managerIds = ['manager-a', 'manager-b', 'manager-c'];
    const ruleId = await createRule({
      name: 'Sales queue',
      trigger: { kind: 'keyword', keywords: ['sales'] },
      conditions: [],
      actions: [{ kind: 'assign_round_robin', managerIds }],
    });
    const responsibleOf = (who: string) =>
      waitUntil(`the responsible manager of ${who}`, async () => {
        const events = await eventsOf(streamName('crm', telegramContactId(workspaceId, who)));
        const assigned = events.filter((e) => e.type === 'Crm.ResponsibleManagerAssigned');
        return assigned.at(-1) as EventEnvelope<string, { managerId: string }> | undefined;
      });

    const chosen: string[] = [];
    const conversations: string[] = [];
    for (let n = 0; n < 4; n++) {
      const who = telegramUserId();
      await clientWrites(who, 'Hi');
      await dealExists(who);
      const { conversationId } = await clientWrites(who, 'I want to talk to sales');
      conversations.push(conversationId);
      const assigned = await responsibleOf(who);
      expect(assigned.metadata.actor).toEqual({ kind: 'robot', id: ruleId });
      chosen.push(assigned.data.managerId);
    }
    expect(chosen).toEqual(['manager-a', 'manager-b', 'manager-c', 'manager-a']);

    const rotation = await eventsOf(`robots-${workspaceId}:rotation:${ruleId}`);
    expect(rotation.map((e) => (e.data as { managerId: string }).managerId)).toEqual(chosen);

    // The first client's message delivered again: the run is the same, so is its turn.
    const received = (await store.readStream(streamName('conversation', conversations[0]!)))
      .filter((r) => r.event.type === 'Conversation.ClientMessageReceived')
      .at(-1);
    await bus.publish([messageForRecordedEvent(received!)]);
    await sleep(1_500);
    expect(await eventsOf(`robots-${workspaceId}:rotation:${ruleId}`)).toHaveLength(4);
  }, 90_000);

  it('given a rule that parks a chat, when the client says so, then the robot pins and archives the conversation', async () => {
    const ruleId = await createRule({
      name: 'Park for later',
      trigger: { kind: 'keyword', keywords: ['later'] },
      conditions: [],
      actions: [{ kind: 'pin' }, { kind: 'archive' }],
    });
    const who = telegramUserId();
    const { conversationId } = await clientWrites(who, 'Hello');
    await dealExists(who);
    await clientWrites(who, 'Write me later please');

    const placed = await waitUntil('the chat pinned and archived', async () => {
      const events = (await eventsOf(streamName('conversation', conversationId))).filter(
        (e) => e.type === 'Conversation.Pinned' || e.type === 'Conversation.Archived',
      );
      return events.length === 2 ? events : undefined;
    });
    expect(placed.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['Conversation.Pinned', { kind: 'robot', id: ruleId }],
      ['Conversation.Archived', { kind: 'robot', id: ruleId }],
    ]);
  }, 60_000);

  it('given a rule waiting a minute for a manager, when a reply ends one wait and a later message goes unanswered that long, then the robot runs it on that message', async () => {
    const waiting = `waiting-${hex()}`;
    const ruleId = await createRule({
      name: 'No reply',
      trigger: { kind: 'no_manager_reply', minutes: 1 },
      conditions: [],
      actions: [{ kind: 'add_tag', tag: waiting }],
    });
    const who = telegramUserId();
    const { conversationId } = await clientWrites(who, 'Anyone there?');
    await dealExists(who);
    const [recorded] = (await store.readStream(streamName('conversation', conversationId))).filter(
      (r) => r.event.type === 'Conversation.ClientMessageReceived',
    );
    // A manager answers: the timer the message started (due in a minute) is cancelled.
    const reply = await sender.send(
      command(CONVERSATION_SERVICE, 'SendMessage', conversationId, {
        conversationId,
        messageId: newId(),
        content: { kind: 'text', text: 'One moment, please' },
      }),
    );
    expect(reply.status).toBe('accepted');
    await sleep(1_000);
    // The client's message comes again as if recorded 59 s ago, unanswered since: a new timer,
    // due in about a second.
    const occurredAt = new Date(Date.now() - 59_000).toISOString();
    await bus.publish([
      messageForRecordedEvent({
        ...recorded!,
        event: { ...recorded!.event, metadata: { ...recorded!.event.metadata, occurredAt } },
      }),
    ]);

    const [run] = await waitUntil(
      'the no-reply run',
      async () => {
        const runs = (await runsOf(conversationId)).filter((r) => r.data.ruleId === ruleId);
        return runs.length > 0 ? runs : undefined;
      },
      15_000,
    );
    expect(run).toMatchObject({
      data: { outcome: 'run', actions: [{ kind: 'add_tag', tag: waiting }] },
      metadata: { causationId: recorded!.event.metadata.eventId },
    });
    const contactStream = streamName('crm', telegramContactId(workspaceId, who));
    await waitUntil('the robot’s tag', async () =>
      (await eventsOf(contactStream)).some(
        (e) => e.type === 'Crm.TagAdded' && e.metadata.actor.id === ruleId,
      )
        ? true
        : undefined,
    );
  }, 60_000);
});
