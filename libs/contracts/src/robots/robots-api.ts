import type { CommandResponse } from '../gateway/gateway-api';
import type { RuleAction, RuleDefinition } from './rule-definition';
import type { RuleRan } from './robots-events';

/**
 * Robots' rules as the API shows them (issue 13, A2, A4): the `robot_rules` read model, the view
 * of it the gateway answers with, and a run's item on a conversation's timeline. Decorator-free:
 * the web app imports these types. Request bodies are in robots-requests.ts.
 */

/** The read model of each rule of each workspace, written by the projector. */
export const ROBOT_RULES_COLLECTION = 'robot_rules';

/** How many of a rule's latest runs its view shows. */
export const ROBOT_RULE_LAST_RUNS = 5;

/** `ws1:<ruleId>`: a `robot_rules` document's `_id`. */
export const robotRuleDocumentId = (workspaceId: string, ruleId: string): string =>
  `${workspaceId}:${ruleId}`;

/** One time a rule ran on a conversation (or was stopped by the loop guard). */
export interface RobotRuleRun {
  readonly conversationId: string;
  readonly ranAt: string;
  readonly outcome: RuleRan['data']['outcome'];
  /** Why it was stopped, or null. */
  readonly reason: string | null;
}

/** One rule as `GET /api/robots/rules` lists it. */
export interface RobotRuleView {
  readonly ruleId: string;
  readonly name: string;
  readonly enabled: boolean;
  /** Rules are evaluated in this order (ascending): the creation time in ms. */
  readonly position: number;
  readonly definition: RuleDefinition;
  /** The rule's latest runs, newest first, at most ROBOT_RULE_LAST_RUNS. */
  readonly lastRuns: readonly RobotRuleRun[];
}

/**
 * A `robot_rules` document, `_id` = `{workspaceId}:{ruleId}`. Its rule's stream sets the rule
 * (`Robots.RuleCreated` … `RuleDeleted`, position guard `_applied`); every `Robots.RuleRan` of
 * the rule, from the runs streams of its conversations, sets `runs.<runId>` (the same run set
 * twice is the same field). The read store has no `$push` with `$slice`, so the runs are kept by
 * id and the view cuts the latest (`robotRulesView`). A run may come before its rule's creation
 * (another stream): the document then has no `definition` until it does, and is not listed. A
 * deleted rule keeps its document as `deleted: true` (so a late run does not bring it back) and
 * is not listed either.
 */
export interface RobotRuleDocument {
  readonly _id: string;
  readonly workspaceId: string;
  readonly ruleId: string;
  readonly name?: string;
  readonly definition?: RuleDefinition;
  readonly enabled?: boolean;
  readonly position?: number;
  readonly deleted: boolean;
  readonly runs?: Readonly<Record<string, RobotRuleRun>>;
}

const newestFirst = (a: RobotRuleRun, b: RobotRuleRun): number =>
  a.ranAt < b.ranAt ? 1 : a.ranAt > b.ranAt ? -1 : 0;

/** A live rule's document as the API shows it; null for a deleted one or one not created yet. */
export const robotRuleView = (document: RobotRuleDocument): RobotRuleView | null => {
  const { definition, enabled, position } = document;
  if (document.deleted || !definition || enabled === undefined || position === undefined) {
    return null;
  }
  return {
    ruleId: document.ruleId,
    name: document.name ?? definition.name,
    enabled,
    position,
    definition,
    lastRuns: Object.values(document.runs ?? {})
      .map(({ conversationId, ranAt, outcome, reason }) => ({
        conversationId,
        ranAt,
        outcome,
        reason,
      }))
      .sort(newestFirst)
      .slice(0, ROBOT_RULE_LAST_RUNS),
  };
};

/** A workspace's rules in evaluation order (position, then id). */
export const robotRulesView = (documents: readonly RobotRuleDocument[]): RobotRuleView[] =>
  documents
    .map(robotRuleView)
    .filter((view): view is RobotRuleView => view !== null)
    .sort((a, b) => a.position - b.position || (a.ruleId < b.ruleId ? -1 : 1));

/** `POST /api/robots/rules`: accepted, with the id the gateway chose for the new rule. */
export interface CreateRuleResponse extends CommandResponse {
  readonly ruleId: string;
}

/** A rule's run on a conversation's timeline (A2): `robot.ran`, or `robot.stopped` by the guard. */
export type RobotTimelineAction = 'robot.ran' | 'robot.stopped';

/** The `details` of a `robot.ran` / `robot.stopped` timeline action; its actor is the robot. */
export interface RobotRunDetails {
  readonly ruleId: string;
  /** The rule's name when it ran. */
  readonly ruleName: string;
  /** What it did (empty when stopped). */
  readonly actions: readonly RuleAction[];
  /** Why it was stopped, or null. */
  readonly reason: string | null;
}
