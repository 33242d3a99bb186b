import type { RuleRan } from '@parley/contracts';
import { projectEvent } from '../project-event';
import type { ProjectableEvent } from '../read-model-operation';
import { timelineOrderKey, timelineSeq } from '../timeline/timeline-projection';

const ruleId = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01';
const conversationId = 'ws1:tg:1:100';
const stream = `robots-${conversationId}`;
const ranAt = '2026-12-02T10:00:01.000Z';

/** A rule's run on the conversation, stored at `revision` of its runs stream. */
const ran = (data: Partial<RuleRan['data']>, revision = 0): ProjectableEvent => ({
  streamName: stream,
  revision,
  position: '205',
  event: {
    type: 'Robots.RuleRan',
    data: {
      runId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a02',
      ruleId,
      ruleName: 'Price question',
      conversationId,
      outcome: 'run',
      actions: [
        { kind: 'add_tag', tag: 'price-asked' },
        { kind: 'send_template', templateId: 't1' },
      ],
      reason: null,
      depth: 0,
      ranAt,
      ...data,
    },
    metadata: {
      eventId: 'run-event-1',
      workspaceId: 'ws1',
      aggregateId: conversationId,
      occurredAt: ranAt,
      schemaVersion: 1,
      correlationId: 'c1',
      causationId: 'trigger-1',
      actor: { kind: 'robot', id: ruleId },
    },
  } satisfies RuleRan,
});

describe('a robot rule run on the timeline (A2)', () => {
  it('given RuleRan, then an action item robot.ran at ranAt, the robot as actor, the rule in the details; only the timeline', () => {
    expect(projectEvent(ran({}, 3))).toEqual({
      workspaceId: 'ws1',
      conversationId,
      operations: [
        {
          collection: 'timeline',
          filter: {
            _id: `${conversationId}|run-event-1`,
            $or: [
              { [`_applied.${stream}`]: { $exists: false } },
              { [`_applied.${stream}`]: { $lt: 3 } },
            ],
          },
          update: {
            $set: {
              workspaceId: 'ws1',
              conversationId,
              at: ranAt,
              seq: timelineSeq('205'),
              orderKey: timelineOrderKey(ranAt, '205', 'not a client message'),
              actor: { kind: 'robot', id: ruleId },
              item: {
                kind: 'action',
                action: 'robot.ran',
                summary: 'Robot "Price question" added a tag, sent a template',
                details: {
                  ruleId,
                  ruleName: 'Price question',
                  actions: [
                    { kind: 'add_tag', tag: 'price-asked' },
                    { kind: 'send_template', templateId: 't1' },
                  ],
                  reason: null,
                },
              },
              [`_applied.${stream}`]: 3,
            },
          },
          upsert: true,
        },
      ],
    });
  });

  it('given a run stopped by the loop guard, then robot.stopped with the reason', () => {
    const [op] = projectEvent(
      ran({ outcome: 'stopped', actions: [], reason: 'robot chain deeper than 3' }),
    )!.operations;
    expect(op!.update['$set']).toMatchObject({
      item: {
        kind: 'action',
        action: 'robot.stopped',
        summary: 'Robot "Price question" was stopped: robot chain deeper than 3',
        details: {
          ruleId,
          ruleName: 'Price question',
          actions: [],
          reason: 'robot chain deeper than 3',
        },
      },
    });
  });

  it('given RuleRan, then the chat list is not touched: the last activity stays', () => {
    const operations = projectEvent(ran({}))!.operations;
    expect(operations.map((op) => op.collection)).toEqual(['timeline']);
  });
});
