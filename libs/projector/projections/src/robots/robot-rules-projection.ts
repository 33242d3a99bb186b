import {
  ROBOT_RULES_COLLECTION,
  robotRuleDocumentId,
  type EventEnvelope,
  type RobotRuleRun,
  type RobotsEvent,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { markApplied, notYetApplied } from '../applied-revision';
import { withInsertDefaults } from '../insert-defaults';
import type {
  OperationUpdate,
  ProjectableEvent,
  ReadModelOperation,
  WorkspaceProjection,
} from '../read-model-operation';

/** The robots' events (A2, A4) projected into `robot_rules`. */
export const ROBOT_RULES_PROJECTED_TYPES: readonly RobotsEvent['type'][] = [
  'Robots.RuleCreated',
  'Robots.RuleChanged',
  'Robots.RuleEnabled',
  'Robots.RuleDisabled',
  'Robots.RuleDeleted',
  'Robots.RuleRan',
];

export const isProjectedRobotsEvent = (event: EventEnvelope): event is RobotsEvent =>
  (ROBOT_RULES_PROJECTED_TYPES as readonly string[]).includes(event.type);

/** A rule or run id as one field name: no `.`, no leading `$`. */
const fieldKey = (key: string): string => {
  if (key.length === 0 || key.includes('.') || key.startsWith('$')) {
    throw new Error(`"${key}" cannot be a field name of a robot rule`);
  }
  return key;
};

/**
 * The `robot_rules` document of the event's rule (`_id` = `{workspaceId}:{ruleId}`, see
 * RobotRuleDocument). The rule's own stream sets the rule behind the position guard of that
 * stream. A run comes from its conversation's runs stream and sets `runs.<runId>` without a
 * guard: setting the same run again changes nothing, and a guard per conversation would grow
 * the document by one field per conversation the rule ever ran in. Every operation upserts, with
 * the document's defaults on insert: a run may arrive before its rule's creation.
 */
export const robotRulesOperations = (
  event: RobotsEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const workspaceId = event.metadata.workspaceId;
  const ruleId = fieldKey(event.data.ruleId);
  const document = (update: OperationUpdate, guarded: boolean): ReadModelOperation => ({
    collection: ROBOT_RULES_COLLECTION,
    filter: {
      _id: robotRuleDocumentId(workspaceId, ruleId),
      ...(guarded ? notYetApplied(source.streamName, source.revision) : {}),
    },
    update: withInsertDefaults(update, { workspaceId, ruleId, deleted: false, runs: {} }),
    upsert: true,
  });
  const setRule = (fields: Record<string, unknown>): ReadModelOperation =>
    document({ $set: { ...fields, ...markApplied(source.streamName, source.revision) } }, true);

  switch (event.type) {
    case 'Robots.RuleCreated': {
      const { definition, enabled, position } = event.data;
      return [setRule({ name: definition.name, definition, enabled, position })];
    }
    case 'Robots.RuleChanged': {
      const { definition } = event.data;
      return [setRule({ name: definition.name, definition })];
    }
    case 'Robots.RuleEnabled':
      return [setRule({ enabled: true })];
    case 'Robots.RuleDisabled':
      return [setRule({ enabled: false })];
    case 'Robots.RuleDeleted':
      return [
        document(
          {
            $set: { deleted: true, ...markApplied(source.streamName, source.revision) },
            $unset: { definition: '', runs: '' },
          },
          true,
        ),
      ];
    case 'Robots.RuleRan': {
      const { runId, conversationId, ranAt, outcome, reason } = event.data;
      const run: RobotRuleRun = { conversationId, ranAt, outcome, reason };
      return [document({ $set: { [`runs.${fieldKey(runId)}`]: run } }, false)];
    }
    case 'Robots.RoundRobinTurnTaken':
      // Not projected (not in ROBOT_RULES_PROJECTED_TYPES): the turn shows as the responsible
      // manager the CRM records.
      return [];
    default:
      return assertNever(event, 'robots event');
  }
};

/** What a robots event does to its rule's document. */
export const robotRulesProjection = (
  event: RobotsEvent,
  source: ProjectableEvent,
): WorkspaceProjection => ({
  workspaceId: event.metadata.workspaceId,
  operations: robotRulesOperations(event, source),
});
