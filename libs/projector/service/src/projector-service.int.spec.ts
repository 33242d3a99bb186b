import type { Bus, BusSubscription } from '@parley/bus';
import { MessageRecorder } from '@parley/bus/testing';
import {
  READ_MODEL_CHANGES_TOPIC,
  ROBOT_RULES_COLLECTION,
  robotRulesView,
  templateLibraryView,
  type RobotRuleDocument,
  type RobotsEvent,
  type ReadModelChange,
  type TemplateLibraryDocument,
  type TemplateLibraryEvent,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import type { HealthRegistry } from '@parley/platform';
import {
  embeddedEngines,
  startServiceHarness,
  type ServiceHarness,
} from '@parley/platform/testing';
import { conversationHistory, type StreamEvent } from '@parley/projections';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { messageForRecordedEvent } from '@parley/relay';
import { waitUntil } from '@parley/test-infra';
import { ProjectorServiceModule } from './projector-service.module';
import { rebuildReadModels } from './rebuild-read-models';
import { conversationDocuments } from './testing/projected-documents';

const h = conversationHistory('w1', '777');
const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T10:01:00.000Z';
const T2 = '2026-11-25T10:02:00.000Z';
const T3 = '2026-11-25T10:03:00.000Z';
const T4 = '2026-11-25T10:04:00.000Z';

describe('projector service (PGlite event store → relay → in-process bus → in-memory read store)', () => {
  let store: EventStore;
  let bus: Bus;
  let readStore: ReadStore;
  let health: HealthRegistry;
  let harness: ServiceHarness;
  let changesSubscription: BusSubscription;
  const changes = new MessageRecorder();

  const append = async (...events: StreamEvent[]) => {
    for (const e of events) await store.append(e.streamName, [e.event], { expected: 'any' });
  };
  const changeValues = () => changes.received.map((m) => m.value as ReadModelChange);

  beforeAll(async () => {
    const engines = await embeddedEngines();
    changesSubscription = await engines.bus.subscribe({
      groupId: 'projector-spec.changes',
      topics: [READ_MODEL_CHANGES_TOPIC],
      fromBeginning: true,
      handler: changes.handler,
    });
    readStore = createInMemoryReadStore();
    harness = await startServiceHarness({
      engines,
      serviceName: 'projector',
      workspaceId: 'w1',
      readStore,
      modules: [ProjectorServiceModule.register()],
    });
    ({ store, bus, health } = harness);
  });

  afterAll(async () => {
    await changesSubscription?.close();
    await harness?.close();
  });

  it('given conversation and CRM events in the store, then the read models show them and changes are announced', async () => {
    await append(
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.contactCreated(T1),
      h.dealCreated(T1),
      h.managerMessage('o1', 'Welcome!', T2),
      h.delivered('o1', T3),
    );

    const chats = readStore.collection('chats');
    const chat = await waitUntil('the chat to show the delivered reply', async () => {
      const doc = await chats.findOne({ _id: h.conversationId, status: 'sent' });
      return doc?.['deal'] ? doc : undefined;
    });
    expect(chat).toMatchObject({
      workspaceId: 'w1',
      contact: { contactId: h.contactId, name: 'Ann Karenina', username: 'ann_k' },
      lastMessage: { direction: 'out', kind: 'text', preview: 'Welcome!', at: T2 },
      lastActivityAt: T2,
      unreadCount: 1,
      deal: { stage: 'new', line: 1 },
      languages: ['ru'],
    });
    const timeline = await waitUntil('four timeline items', async () => {
      const items = await readStore
        .collection('timeline')
        .find({ conversationId: h.conversationId }, { sort: { seq: 1 } });
      return items.length === 4 ? items : undefined;
    });
    expect(timeline.map((t) => (t['item'] as { kind: string }).kind)).toEqual([
      'message',
      'action',
      'action',
      'message',
    ]);
    expect(timeline[3]).toMatchObject({ item: { delivery: { status: 'sent', at: T3 } } });
    expect(await readStore.collection('cards').findOne({ _id: h.conversationId })).toMatchObject({
      contact: { contactId: h.contactId, telegramId: '777' },
      deal: { dealId: h.dealId, stage: 'new' },
    });

    const announced = await waitUntil('six change notifications', () =>
      changes.count() >= 6 ? changeValues() : undefined,
    );
    const positions = (await store.readAll()).map((r) => r.position.toString());
    expect(announced).toContainEqual({
      workspaceId: 'w1',
      conversationId: h.conversationId,
      collections: ['chats', 'timeline', 'cards'],
      position: positions[2],
    });
    expect(announced.every((c) => c.conversationId === h.conversationId)).toBe(true);
    expect(changes.received.every((m) => m.key === h.conversationId)).toBe(true);

    expect(await health.report()).toMatchObject({
      status: 'up',
      checks: [expect.objectContaining({ name: 'projector', status: 'up' })],
    });
  });

  it('given every event delivered again, then nothing changes and nothing more is announced', async () => {
    const before = await conversationDocuments(readStore);
    const announcedBefore = changes.count();

    await bus.publish((await store.readAll()).map(messageForRecordedEvent));
    await append(h.markedRead(T4, 'manager-7'));

    await waitUntil('the chat to be read', () =>
      readStore
        .collection('chats')
        .findOne({ _id: h.conversationId, status: 'read' })
        .then((d) => d ?? undefined),
    );
    await waitUntil('the read notification', () =>
      changes.count() > announcedBefore ? true : undefined,
    );
    const after = await conversationDocuments(readStore);
    expect(after.cards).toEqual(before.cards);
    expect(after.timeline.slice(0, before.timeline.length)).toEqual(before.timeline);
    expect(after.timeline).toHaveLength(before.timeline.length + 1);
    expect(after.chats[0]).toMatchObject({ unreadCount: 0, status: 'read' });
    // Only the new event was announced; the redelivered ones changed nothing.
    expect(changeValues().slice(announcedBefore)).toEqual([
      expect.objectContaining({ collections: ['chats', 'timeline'] }),
    ]);
  });

  it('rebuilding the read models from position zero gives identical documents', async () => {
    const live = await conversationDocuments(readStore);

    const report = await rebuildReadModels(store, readStore, { pageSize: 3 });

    expect(report).toMatchObject({ events: 7, projected: 7 });
    expect(await conversationDocuments(readStore)).toEqual(live);
    const fresh = createInMemoryReadStore();
    await rebuildReadModels(store, fresh);
    expect(await conversationDocuments(fresh)).toEqual(live);
    await fresh.close();
  });

  it('given template library events (B1, B3), then the workspace library shows them, nothing is announced, and a rebuild gives the same', async () => {
    const templateId = '00000000-0000-4000-8000-000000000001';
    const event = (n: number, change: Pick<TemplateLibraryEvent, 'type' | 'data'>) =>
      ({
        ...change,
        metadata: {
          eventId: `00000000-0000-4000-8000-0000000001${n}0`,
          workspaceId: 'w1',
          aggregateId: 'w1:templates',
          occurredAt: T4,
          schemaVersion: 1,
          correlationId: `c-template-${n}`,
          causationId: null,
          actor: { kind: 'manager', id: 'admin-1' },
        },
      }) as TemplateLibraryEvent;
    const announcedBefore = changes.count();
    await store.append(
      'crm-w1:templates',
      [
        event(1, { type: 'Crm.WorkspaceVariableSet', data: { name: 'offer', value: '-20%' } }),
        event(2, {
          type: 'Crm.TemplateCreated',
          data: { templateId, name: 'Promo', shortcode: 'promo', text: 'Today: {offer}' },
        }),
      ],
      { expected: 'no_stream' },
    );
    const libraries = readStore.collection('template_libraries');
    const document = await waitUntil('the template library', () =>
      libraries
        .findOne({ _id: 'w1', [`templates.${templateId}`]: { $exists: true } })
        .then((d) => d ?? undefined),
    );
    expect(templateLibraryView(document as unknown as TemplateLibraryDocument)).toEqual({
      templates: [
        { templateId, name: 'Promo', shortcode: 'promo', text: 'Today: {offer}', attachment: null },
      ],
      variables: { offer: '-20%' },
    });
    expect(changes.count()).toBe(announcedBefore);

    const fresh = createInMemoryReadStore();
    await rebuildReadModels(store, fresh);
    expect(await fresh.collection('template_libraries').findOne({ _id: 'w1' })).toEqual(document);
    await fresh.close();
  });

  it('given a robot rule and its run (A2, A4), then the rule lists the run, the timeline shows it as the robot, the chat list stays, and a rebuild gives the same', async () => {
    const ruleId = '00000000-0000-4000-8000-000000000201';
    const event = (n: number, aggregateId: string, change: Pick<RobotsEvent, 'type' | 'data'>) =>
      ({
        ...change,
        metadata: {
          eventId: `00000000-0000-4000-8000-0000000002${n}0`,
          workspaceId: 'w1',
          aggregateId,
          occurredAt: T4,
          schemaVersion: 1,
          correlationId: `c-robot-${n}`,
          causationId: null,
          actor:
            change.type === 'Robots.RuleRan'
              ? { kind: 'robot', id: ruleId }
              : { kind: 'manager', id: 'admin-1' },
        },
      }) as RobotsEvent;
    const definition = {
      name: 'Greet',
      trigger: { kind: 'first_message' },
      conditions: [],
      actions: [{ kind: 'add_tag', tag: 'new' }],
    } as const;
    const chatBefore = await readStore.collection('chats').findOne({ _id: h.conversationId });
    const announcedBefore = changes.count();
    await store.append(
      `robots-w1:rule:${ruleId}`,
      [
        event(1, `w1:rule:${ruleId}`, {
          type: 'Robots.RuleCreated',
          data: { ruleId, definition, position: 1, enabled: true, createdBy: 'admin-1' },
        }),
      ],
      { expected: 'no_stream' },
    );
    await store.append(
      `robots-${h.conversationId}`,
      [
        event(2, h.conversationId, {
          type: 'Robots.RuleRan',
          data: {
            runId: '00000000-0000-4000-8000-000000000202',
            ruleId,
            ruleName: 'Greet',
            conversationId: h.conversationId,
            outcome: 'run',
            actions: definition.actions,
            reason: null,
            depth: 0,
            ranAt: T4,
          },
        }),
      ],
      { expected: 'no_stream' },
    );
    const rules = readStore.collection(ROBOT_RULES_COLLECTION);
    const documents = await waitUntil('the rule with its run', async () => {
      const found = await rules.find({ workspaceId: 'w1' });
      return robotRulesView(found as unknown as RobotRuleDocument[])[0]?.lastRuns.length
        ? found
        : undefined;
    });
    expect(robotRulesView(documents as unknown as RobotRuleDocument[])).toEqual([
      {
        ruleId,
        name: 'Greet',
        enabled: true,
        position: 1,
        definition,
        lastRuns: [{ conversationId: h.conversationId, ranAt: T4, outcome: 'run', reason: null }],
      },
    ]);
    const item = await waitUntil('the run on the timeline', () =>
      readStore
        .collection('timeline')
        .findOne({ conversationId: h.conversationId, 'item.action': 'robot.ran' })
        .then((d) => d ?? undefined),
    );
    expect(item).toMatchObject({
      at: T4,
      actor: { kind: 'robot', id: ruleId },
      item: { details: { ruleId, ruleName: 'Greet', actions: definition.actions, reason: null } },
    });
    await waitUntil('the timeline change', () =>
      changes.count() > announcedBefore ? true : undefined,
    );
    expect(changeValues().slice(announcedBefore)).toEqual([
      expect.objectContaining({ conversationId: h.conversationId, collections: ['timeline'] }),
    ]);
    expect(await readStore.collection('chats').findOne({ _id: h.conversationId })).toEqual(
      chatBefore,
    );

    const fresh = createInMemoryReadStore();
    await rebuildReadModels(store, fresh);
    expect(await fresh.collection(ROBOT_RULES_COLLECTION).find({})).toEqual(documents);
    expect(await fresh.collection('timeline').findOne({ _id: item['_id'] as string })).toEqual(
      item,
    );
    await fresh.close();
  });
});
