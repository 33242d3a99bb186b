import {
  MAX_ROBOT_DEPTH,
  type RuleAction,
  type RuleCondition,
  type RuleDefinition,
  type RuleTrigger,
} from '@parley/contracts';
import { hasKeyword } from './keyword-match';
import { safePattern } from './safe-pattern';
import { withinWorkingTime } from './working-time';

/** What the robots know about a conversation when a rule is evaluated. */
export interface ConversationFacts {
  readonly conversationId: string;
  readonly tags: readonly string[];
  /** The deal's stage id, null before the deal exists. */
  readonly stage: string | null;
  readonly line: 1 | 2 | null;
  readonly channel: string;
  readonly language: string | null;
  /** ISO 3166 alpha-2, upper case, as the contact card keeps it. */
  readonly country: string | null;
  readonly source: string | null;
  readonly campaign: string | null;
}

/** What happened, in the terms of triggers (the robots service reads it from domain events). */
export type Happening =
  | { readonly kind: 'client_message'; readonly text: string | null; readonly first: boolean }
  | { readonly kind: 'tag_added'; readonly tag: string }
  | { readonly kind: 'tag_removed'; readonly tag: string }
  | { readonly kind: 'stage_changed'; readonly stage: string }
  | { readonly kind: 'conversion_recorded'; readonly conversionType: string }
  /** A delayed trigger came due: the rule it was scheduled for. */
  | { readonly kind: 'no_manager_reply'; readonly ruleId: string }
  | { readonly kind: 'task_overdue' };

/** A rule as the robots keep it: its definition, id, whether it runs, and its place. */
export interface Rule {
  readonly ruleId: string;
  readonly enabled: boolean;
  /** Rules are evaluated in this order (then by id). */
  readonly position: number;
  readonly definition: RuleDefinition;
}

export interface EvaluationContext {
  readonly now: Date;
  /** The workspace's IANA time zone, for time conditions. */
  readonly timeZone: string;
  /**
   * How many robot steps led to this happening: 0 for what a client or a manager did, n + 1 for
   * what an action of a run at depth n caused.
   */
  readonly depth: number;
}

/** One rule's decision: run its actions, or stopped by the loop guard. */
export type RuleRun =
  | { readonly ruleId: string; readonly outcome: 'run'; readonly actions: readonly RuleAction[] }
  | { readonly ruleId: string; readonly outcome: 'stopped'; readonly reason: string };

const same = (a: string, b: string): boolean =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

const textOf = (happening: Happening): string | null =>
  happening.kind === 'client_message' ? happening.text : null;

/** Whether `trigger` starts on `happening` (for `no_manager_reply`: this rule's own timer). */
export const triggeredBy = (rule: Rule, happening: Happening): boolean => {
  const trigger: RuleTrigger = rule.definition.trigger;
  switch (trigger.kind) {
    case 'message_received':
      return happening.kind === 'client_message';
    case 'first_message':
      return happening.kind === 'client_message' && happening.first;
    case 'keyword': {
      const text = textOf(happening);
      return text !== null && trigger.keywords.some((keyword) => hasKeyword(text, keyword));
    }
    case 'pattern': {
      const text = textOf(happening);
      return text !== null && safePattern(trigger.pattern).test(text);
    }
    case 'tag_added':
      return happening.kind === 'tag_added' && same(happening.tag, trigger.tag);
    case 'tag_removed':
      return happening.kind === 'tag_removed' && same(happening.tag, trigger.tag);
    case 'stage_changed':
      return (
        happening.kind === 'stage_changed' &&
        (trigger.stage === null || trigger.stage === happening.stage)
      );
    case 'conversion_recorded':
      return (
        happening.kind === 'conversion_recorded' &&
        (trigger.conversionType === null || trigger.conversionType === happening.conversionType)
      );
    case 'no_manager_reply':
      return happening.kind === 'no_manager_reply' && happening.ruleId === rule.ruleId;
    case 'task_overdue':
      return happening.kind === 'task_overdue';
  }
};

const includesSame = (values: readonly string[], value: string | null): boolean =>
  value !== null && values.some((candidate) => same(candidate, value));

/** Whether one condition holds for these facts, at this time, for this happening. */
export const conditionHolds = (
  condition: RuleCondition,
  facts: ConversationFacts,
  happening: Happening,
  context: Pick<EvaluationContext, 'now' | 'timeZone'>,
): boolean => {
  switch (condition.kind) {
    case 'tags': {
      const has = (tag: string) => includesSame(facts.tags, tag);
      if (condition.match === 'all') return condition.tags.every(has);
      if (condition.match === 'none') return !condition.tags.some(has);
      return condition.tags.some(has);
    }
    case 'stage':
      return facts.stage !== null && condition.stages.includes(facts.stage);
    case 'line':
      return facts.line === condition.line;
    case 'channel':
      return includesSame(condition.channels, facts.channel);
    case 'language':
      return includesSame(condition.languages, facts.language);
    case 'country':
      return includesSame(condition.countries, facts.country);
    case 'source':
      return includesSame(condition.sources, facts.source);
    case 'campaign':
      return includesSame(condition.campaigns, facts.campaign);
    case 'text_matches': {
      const text = textOf(happening);
      return text !== null && safePattern(condition.pattern).test(text);
    }
    case 'time':
      return withinWorkingTime(context.now, context.timeZone, condition);
  }
};

/**
 * Which rules act on a happening, in their order: each enabled rule whose trigger starts on it
 * and whose conditions all hold. Past MAX_ROBOT_DEPTH robot steps, a rule that would act is
 * stopped instead, with the reason, so two rules that trigger each other end and say so.
 */
export const evaluateRules = (
  rules: readonly Rule[],
  facts: ConversationFacts,
  happening: Happening,
  context: EvaluationContext,
): RuleRun[] =>
  [...rules]
    .filter((rule) => rule.enabled)
    .sort((a, b) => a.position - b.position || a.ruleId.localeCompare(b.ruleId))
    .filter(
      (rule) =>
        triggeredBy(rule, happening) &&
        rule.definition.conditions.every((c) => conditionHolds(c, facts, happening, context)),
    )
    .map((rule): RuleRun =>
      context.depth >= MAX_ROBOT_DEPTH
        ? {
            ruleId: rule.ruleId,
            outcome: 'stopped',
            reason:
              `stopped after ${MAX_ROBOT_DEPTH} robot steps in a row: rules trigger each other ` +
              `(this happening was caused by a robot ${context.depth} steps after a person)`,
          }
        : { ruleId: rule.ruleId, outcome: 'run', actions: rule.definition.actions },
    );
