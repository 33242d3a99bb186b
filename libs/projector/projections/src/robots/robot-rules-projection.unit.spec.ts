import type { RobotsEvent, RuleDefinition } from '@parley/contracts';
import { projectEvent, projectWorkspaceEvent } from '../project-event';
import type { ProjectableEvent } from '../read-model-operation';

const ruleId = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01';
const runId = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a02';
const ruleStream = `robots-ws1:rule:${ruleId}`;
const runsStream = 'robots-ws1:tg:1:100';
const definition: RuleDefinition = {
  name: 'Price question',
  trigger: { kind: 'keyword', keywords: ['price'] },
  conditions: [],
  actions: [{ kind: 'add_tag', tag: 'price-asked' }],
};

/** A robots event of workspace ws1, stored at `revision` of `stream`. */
const given = <T extends RobotsEvent['type']>(
  type: T,
  data: Extract<RobotsEvent, { type: T }>['data'],
  revision: number,
  stream = ruleStream,
): ProjectableEvent => ({
  streamName: stream,
  revision,
  position: String(100 + revision),
  event: {
    type,
    data,
    metadata: {
      eventId: `e-${type}-${revision}`,
      workspaceId: 'ws1',
      aggregateId: stream.slice('robots-'.length),
      occurredAt: '2026-12-02T10:00:00.000Z',
      schemaVersion: 1,
      correlationId: 'c1',
      causationId: null,
      actor:
        type === 'Robots.RuleRan'
          ? { kind: 'robot', id: ruleId }
          : { kind: 'manager', id: 'admin' },
    },
  } as RobotsEvent,
});

const guard = (stream: string, revision: number) => ({
  $or: [
    { [`_applied.${stream}`]: { $exists: false } },
    { [`_applied.${stream}`]: { $lt: revision } },
  ],
});

describe('robot_rules projection (A4)', () => {
  it('given RuleCreated, then the rule document gets its name, definition, state and place, with the defaults on insert', () => {
    expect(
      projectWorkspaceEvent(
        given(
          'Robots.RuleCreated',
          { ruleId, definition, position: 1700, enabled: true, createdBy: 'admin' },
          0,
        ),
      ),
    ).toEqual({
      workspaceId: 'ws1',
      operations: [
        {
          collection: 'robot_rules',
          filter: { _id: `ws1:${ruleId}`, ...guard(ruleStream, 0) },
          update: {
            $set: {
              name: 'Price question',
              definition,
              enabled: true,
              position: 1700,
              [`_applied.${ruleStream}`]: 0,
            },
            $setOnInsert: { workspaceId: 'ws1', ruleId, deleted: false, runs: {} },
          },
          upsert: true,
        },
      ],
    });
  });

  it('given RuleChanged, then the definition and the name follow', () => {
    const renamed = { ...definition, name: 'Price asked' };
    const [op] = projectWorkspaceEvent(
      given('Robots.RuleChanged', { ruleId, definition: renamed, changedBy: 'admin' }, 1),
    )!.operations;
    expect(op!.filter).toEqual({ _id: `ws1:${ruleId}`, ...guard(ruleStream, 1) });
    expect(op!.update['$set']).toEqual({
      name: 'Price asked',
      definition: renamed,
      [`_applied.${ruleStream}`]: 1,
    });
  });

  it.each([
    ['Robots.RuleEnabled', { ruleId, enabledBy: 'admin' }, true],
    ['Robots.RuleDisabled', { ruleId, disabledBy: 'admin' }, false],
  ] as const)('given %s, then enabled is %s', (type, data, enabled) => {
    const [op] = projectWorkspaceEvent(
      given(type as 'Robots.RuleEnabled', data as { ruleId: string; enabledBy: string }, 2),
    )!.operations;
    expect(op!.update['$set']).toEqual({ enabled, [`_applied.${ruleStream}`]: 2 });
  });

  it('given RuleDeleted, then the document is marked deleted and loses its definition and runs', () => {
    const [op] = projectWorkspaceEvent(
      given('Robots.RuleDeleted', { ruleId, deletedBy: 'admin' }, 3),
    )!.operations;
    expect(op!.update).toEqual({
      $set: { deleted: true, [`_applied.${ruleStream}`]: 3 },
      $unset: { definition: '', runs: '' },
      $setOnInsert: { workspaceId: 'ws1', ruleId },
    });
  });

  it('given RuleRan, then the run is set by its id, without a guard, on the rule document', () => {
    const ran = given(
      'Robots.RuleRan',
      {
        runId,
        ruleId,
        ruleName: 'Price question',
        conversationId: 'ws1:tg:1:100',
        outcome: 'run',
        actions: definition.actions,
        reason: null,
        depth: 0,
        ranAt: '2026-12-02T10:00:01.000Z',
      },
      4,
      runsStream,
    );
    expect(projectWorkspaceEvent(ran)).toEqual({
      workspaceId: 'ws1',
      operations: [
        {
          collection: 'robot_rules',
          filter: { _id: `ws1:${ruleId}` },
          update: {
            $set: {
              [`runs.${runId}`]: {
                conversationId: 'ws1:tg:1:100',
                ranAt: '2026-12-02T10:00:01.000Z',
                outcome: 'run',
                reason: null,
              },
            },
            $setOnInsert: { workspaceId: 'ws1', ruleId, deleted: false },
          },
          upsert: true,
        },
      ],
    });
  });

  it('given a rule event, then no conversation read model shows it', () => {
    expect(projectEvent(given('Robots.RuleEnabled', { ruleId, enabledBy: 'admin' }, 2))).toBeNull();
  });
});
