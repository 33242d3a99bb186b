import type { Rule } from './rule-evaluation';

/**
 * "No reply from a manager for N minutes" (A1): when a client writes, each enabled rule with
 * that trigger starts a timer for the conversation, unless one is already running (the wait
 * counts from the first message still unanswered); a manager's reply cancels every such timer of
 * the conversation; a timer that comes due runs its rule (Happening `no_manager_reply`).
 */
export interface NoReplyTimer {
  /** One timer per rule and conversation: a second client message does not restart it. */
  readonly id: string;
  readonly ruleId: string;
  readonly conversationId: string;
  readonly dueAt: Date;
}

const noReplyRules = (rules: readonly Rule[]) =>
  rules.filter((rule) => rule.enabled && rule.definition.trigger.kind === 'no_manager_reply');

export const noReplyTimerId = (ruleId: string, conversationId: string): string =>
  `no-reply|${ruleId}|${conversationId}`;

/** The timers a client message at `at` starts. */
export const noReplyTimersFor = (
  rules: readonly Rule[],
  conversationId: string,
  at: Date,
): NoReplyTimer[] =>
  noReplyRules(rules).map((rule) => {
    const trigger = rule.definition.trigger;
    const minutes = trigger.kind === 'no_manager_reply' ? trigger.minutes : 0;
    return {
      id: noReplyTimerId(rule.ruleId, conversationId),
      ruleId: rule.ruleId,
      conversationId,
      dueAt: new Date(at.getTime() + minutes * 60_000),
    };
  });

/** The timers a manager's reply cancels: every no-reply rule's, for this conversation. */
export const noReplyTimerIdsOf = (rules: readonly Rule[], conversationId: string): string[] =>
  noReplyRules(rules).map((rule) => noReplyTimerId(rule.ruleId, conversationId));
