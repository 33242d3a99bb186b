import type { RobotRuleView, RuleTriggerKind } from '@parley/contracts';

/*
 * The robots' contract values the web app needs (libs/contracts/src/robots/rule-definition.ts
 * and the robots domain's limits in libs/robots/domain/src/rule-problems.ts), mirrored: the web
 * app imports only types from @parley/contracts. robot-rules.unit.spec.ts checks the mirror.
 */

/** The trigger kinds, in the order the form offers them. */
export const RULE_TRIGGER_KINDS = [
  'message_received',
  'first_message',
  'keyword',
  'pattern',
  'tag_added',
  'tag_removed',
  'stage_changed',
  'conversion_recorded',
  'no_manager_reply',
  'task_overdue',
] as const satisfies readonly RuleTriggerKind[];

/** The conversion types an external system reports (CONVERSION_TYPES in the contracts). */
export const CONVERSION_TYPES = ['registration', 'deposit'] as const;

/** The longest a delayed trigger waits: a week, in minutes. */
export const MAX_DELAY_MINUTES = 7 * 24 * 60;
export const RULE_NAME_MAX = 100;
export const MAX_CONDITIONS = 20;
export const MAX_ACTIONS = 10;
/** `HH:MM`, 24 hours. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The rules in the order the robots evaluate them: by position, then id (as the gateway lists). */
export const rulesInOrder = (rules: readonly RobotRuleView[] | undefined): RobotRuleView[] =>
  [...(rules ?? [])].sort(
    (a, b) => a.position - b.position || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
