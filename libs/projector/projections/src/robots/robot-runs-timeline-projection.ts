import {
  TIMELINE_COLLECTION,
  type EventEnvelope,
  type RobotRunDetails,
  type RobotTimelineAction,
  type RuleRan,
  type TimelineItem,
} from '@parley/contracts';
import { markApplied, notYetApplied } from '../applied-revision';
import type { ProjectableEvent, ReadModelOperation } from '../read-model-operation';
import { timelineItemId, timelineOrderKey, timelineSeq } from '../timeline/timeline-projection';

export const isProjectedRuleRan = (event: EventEnvelope): event is RuleRan =>
  event.type === 'Robots.RuleRan';

const ACTION_WORDS: Readonly<Record<RuleRan['data']['actions'][number]['kind'], string>> = {
  change_stage: 'moved the deal',
  add_tag: 'added a tag',
  remove_tag: 'removed a tag',
  set_line: 'set the line',
  assign_manager: 'assigned a manager',
  assign_round_robin: 'assigned a manager',
  send_template: 'sent a template',
  create_task: 'created a task',
  add_note: 'added a note',
  archive: 'archived the chat',
  pin: 'pinned the chat',
};

/**
 * A rule's run on its conversation's timeline (A2): an action item at `ranAt`, `robot.ran`, or
 * `robot.stopped` when the loop guard stopped it, whose actor is the robot (`{kind: 'robot', id:
 * ruleId}`, as on the event) and whose details name the rule (RobotRunDetails), for the web app
 * to show as the robot's. Item id: the event id. Only the timeline: a robot's run does not move
 * the chat in the list (its last activity stays).
 */
export const robotRunTimelineOperations = (
  event: RuleRan,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const { ruleId, ruleName, conversationId, outcome, actions, reason, ranAt } = event.data;
  const stopped = outcome === 'stopped';
  const action: RobotTimelineAction = stopped ? 'robot.stopped' : 'robot.ran';
  const did = [...new Set(actions.map((a) => ACTION_WORDS[a.kind]))].join(', ');
  const summary = stopped
    ? `Robot "${ruleName}" was stopped${reason ? `: ${reason}` : ''}`
    : `Robot "${ruleName}" ${did || 'ran'}`;
  const details: RobotRunDetails = { ruleId, ruleName, actions, reason };
  const { _id, ...fields }: TimelineItem = {
    _id: timelineItemId(conversationId, event.metadata.eventId),
    workspaceId: event.metadata.workspaceId,
    conversationId,
    at: ranAt,
    seq: timelineSeq(source.position),
    orderKey: timelineOrderKey(ranAt, source.position, 'not a client message'),
    actor: event.metadata.actor,
    item: { kind: 'action', action, summary, details: { ...details } },
  };
  return [
    {
      collection: TIMELINE_COLLECTION,
      filter: { _id, ...notYetApplied(source.streamName, source.revision) },
      update: { $set: { ...fields, ...markApplied(source.streamName, source.revision) } },
      upsert: true,
    },
  ];
};
