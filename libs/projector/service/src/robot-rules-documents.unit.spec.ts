import {
  ROBOT_RULES_COLLECTION,
  robotRulesView,
  type RobotRuleDocument,
  type RobotsEvent,
  type RuleDefinition,
} from '@parley/contracts';
import { projectWorkspaceEvent, type ProjectableEvent } from '@parley/projections';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { applyRecorded } from './testing/projected-documents';
import { workspaceEventLog } from './testing/workspace-event-log';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const ruleA = id(1);
const ruleB = id(2);
const definition = (name: string): RuleDefinition => ({
  name,
  trigger: { kind: 'message_received' },
  conditions: [],
  actions: [{ kind: 'add_tag', tag: 'seen' }],
});

type Change = Pick<RobotsEvent, 'type' | 'data'>;

/** Events stored in order in one stream of workspace ws1. */
const recorded = workspaceEventLog<RobotsEvent>('2026-12-02T10:00:00.000Z');

const ruleEvents = (ruleId: string, changes: readonly Change[]) =>
  recorded(`robots-ws1:rule:${ruleId}`, changes);

/** Runs of `ruleId` in a conversation's stream, one a minute from 10:0<minute>. */
const runs = (ruleId: string, conversation: string, minutes: readonly number[]) =>
  recorded(
    `robots-ws1:tg:1:${conversation}`,
    minutes.map((minute) => ({
      type: 'Robots.RuleRan',
      data: {
        runId: `00000000-0000-4000-8000-0000000010${String(minute).padStart(2, '0')}`,
        ruleId,
        ruleName: 'A',
        conversationId: `ws1:tg:1:${conversation}`,
        outcome: minute === 7 ? 'stopped' : 'run',
        actions: [],
        reason: minute === 7 ? 'loop' : null,
        depth: 0,
        ranAt: `2026-12-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
      },
    })),
  );

/** Rule events and runs feed the workspace's read models (robot_rules). */
const apply = (readStore: ReadStore, events: readonly ProjectableEvent[]) =>
  applyRecorded(readStore, events, [projectWorkspaceEvent]);

const rulesOf = async (readStore: ReadStore) =>
  robotRulesView(
    (await readStore
      .collection(ROBOT_RULES_COLLECTION)
      .find({ workspaceId: 'ws1', deleted: false })) as unknown as RobotRuleDocument[],
  );

const created = (ruleId: string, name: string, at: number, enabled = true): Change => ({
  type: 'Robots.RuleCreated',
  data: { ruleId, definition: definition(name), position: at, enabled, createdBy: 'admin-1' },
});

describe('robot_rules documents (A2, A4)', () => {
  it('given rules created, changed, disabled and run, then the view lists them in order with the 5 latest runs, newest first', async () => {
    const readStore = createInMemoryReadStore();
    // Runs may reach the projector before the rule's creation (another stream).
    await apply(readStore, runs(ruleA, '100', [1, 2, 3]));
    await apply(
      readStore,
      ruleEvents(ruleA, [
        created(ruleA, 'A', 2000),
        {
          type: 'Robots.RuleChanged',
          data: { ruleId: ruleA, definition: definition('A2'), changedBy: 'admin-1' },
        },
      ]),
    );
    await apply(
      readStore,
      ruleEvents(ruleB, [
        created(ruleB, 'B', 1000, false),
        { type: 'Robots.RuleEnabled', data: { ruleId: ruleB, enabledBy: 'admin-1' } },
        { type: 'Robots.RuleDisabled', data: { ruleId: ruleB, disabledBy: 'admin-1' } },
      ]),
    );
    await apply(readStore, runs(ruleA, '101', [7, 4, 6, 5]));

    const rules = await rulesOf(readStore);
    expect(
      rules.map(({ ruleId, name, enabled, position }) => ({ ruleId, name, enabled, position })),
    ).toEqual([
      { ruleId: ruleB, name: 'B', enabled: false, position: 1000 },
      { ruleId: ruleA, name: 'A2', enabled: true, position: 2000 },
    ]);
    expect(rules[0]!.lastRuns).toEqual([]);
    expect(rules[1]!.definition).toEqual(definition('A2'));
    expect(rules[1]!.lastRuns).toEqual([
      {
        conversationId: 'ws1:tg:1:101',
        ranAt: '2026-12-02T10:07:00.000Z',
        outcome: 'stopped',
        reason: 'loop',
      },
      {
        conversationId: 'ws1:tg:1:101',
        ranAt: '2026-12-02T10:06:00.000Z',
        outcome: 'run',
        reason: null,
      },
      {
        conversationId: 'ws1:tg:1:101',
        ranAt: '2026-12-02T10:05:00.000Z',
        outcome: 'run',
        reason: null,
      },
      {
        conversationId: 'ws1:tg:1:101',
        ranAt: '2026-12-02T10:04:00.000Z',
        outcome: 'run',
        reason: null,
      },
      {
        conversationId: 'ws1:tg:1:100',
        ranAt: '2026-12-02T10:03:00.000Z',
        outcome: 'run',
        reason: null,
      },
    ]);
  });

  it('given only runs of a rule not created yet, then it is not listed', async () => {
    const readStore = createInMemoryReadStore();
    await apply(readStore, runs(ruleA, '100', [1]));
    expect(await rulesOf(readStore)).toEqual([]);
  });

  it('given a rule deleted, then it is not listed, and a late run does not bring it back', async () => {
    const readStore = createInMemoryReadStore();
    await apply(
      readStore,
      ruleEvents(ruleA, [
        created(ruleA, 'A', 2000),
        { type: 'Robots.RuleDeleted', data: { ruleId: ruleA, deletedBy: 'admin-1' } },
      ]),
    );
    await apply(readStore, runs(ruleA, '100', [1]));
    expect(await rulesOf(readStore)).toEqual([]);
  });

  it('given the events applied twice (a replay), then the documents are the same', async () => {
    const readStore = createInMemoryReadStore();
    const history = [
      ...ruleEvents(ruleA, [
        created(ruleA, 'A', 2000),
        { type: 'Robots.RuleDisabled', data: { ruleId: ruleA, disabledBy: 'admin-1' } },
      ]),
      ...runs(ruleA, '100', [1, 2]),
    ];
    await apply(readStore, history);
    const once = await readStore.collection(ROBOT_RULES_COLLECTION).find({});
    await apply(readStore, history);
    expect(await readStore.collection(ROBOT_RULES_COLLECTION).find({})).toEqual(once);
    expect((await rulesOf(readStore))[0]).toMatchObject({ enabled: false, lastRuns: [{}, {}] });
  });
});
