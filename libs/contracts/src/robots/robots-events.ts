import type { DomainEvent } from '../envelope/event-envelope';
import type { RuleAction, RuleDefinition } from './rule-definition';

/**
 * The robots context's events (A1, A2, A4). A rule is its own aggregate, stream
 * `robots-{workspaceId}:rule:{ruleId}` (`ruleId` a UUID chosen by the sender, so a retried
 * request creates one rule); what rules did to a conversation is the stream
 * `robots-{conversationId}` (one `Robots.RuleRan` per rule and triggering event).
 */

/** `ws1:rule:<ruleId>`: a rule's aggregate id. */
export const ruleKey = (workspaceId: string, ruleId: string): string =>
  `${workspaceId}:rule:${ruleId}`;

/** An admin created a robot's rule (A4): its definition, place and whether it runs. */
export type RuleCreated = DomainEvent<
  'Robots.RuleCreated',
  {
    readonly ruleId: string;
    readonly definition: RuleDefinition;
    /** Rules are evaluated in this order: the creation time in ms, until reordered. */
    readonly position: number;
    /** A new rule runs at once unless created disabled. */
    readonly enabled: boolean;
    readonly createdBy: string;
  }
>;

/** An admin changed a rule: its whole new definition. */
export type RuleChanged = DomainEvent<
  'Robots.RuleChanged',
  { readonly ruleId: string; readonly definition: RuleDefinition; readonly changedBy: string }
>;

/** An admin turned a rule on. */
export type RuleEnabled = DomainEvent<
  'Robots.RuleEnabled',
  { readonly ruleId: string; readonly enabledBy: string }
>;

/** An admin turned a rule off: it keeps its definition and runs no more. */
export type RuleDisabled = DomainEvent<
  'Robots.RuleDisabled',
  { readonly ruleId: string; readonly disabledBy: string }
>;

/** An admin deleted a rule. */
export type RuleDeleted = DomainEvent<
  'Robots.RuleDeleted',
  { readonly ruleId: string; readonly deletedBy: string }
>;

/**
 * A rule acted on a conversation (A2: on the timeline as the robot's, naming the rule), or was
 * stopped by the loop guard. The event that triggered it is the envelope's causation; the
 * commands of `actions` carry this event as theirs.
 */
export type RuleRan = DomainEvent<
  'Robots.RuleRan',
  {
    readonly runId: string;
    readonly ruleId: string;
    /** The rule's name when it ran (a later rename leaves the timeline as it was). */
    readonly ruleName: string;
    readonly conversationId: string;
    readonly outcome: 'run' | 'stopped';
    /** What it did (empty when stopped). */
    readonly actions: readonly RuleAction[];
    /** Why it was stopped, or null. */
    readonly reason: string | null;
    /** Robot steps before this run (0: a person's or a client's action triggered it). */
    readonly depth: number;
    readonly ranAt: string;
  }
>;

/**
 * A rule's `assign_round_robin` action took its turn (A1): `managerId`, the next of the rule's
 * managers after the previous turn's, becomes the client's responsible manager. Stream
 * `robots-{ws}:rotation:{ruleId}`, one event per turn; `turnKey` (run id and action index) makes
 * a redelivered run take the same turn again instead of a new one.
 */
export type RoundRobinTurnTaken = DomainEvent<
  'Robots.RoundRobinTurnTaken',
  {
    readonly ruleId: string;
    readonly turnKey: string;
    readonly conversationId: string;
    readonly managerId: string;
    /** 0 for the rule's first turn, then 1, 2, ... */
    readonly turn: number;
  }
>;

export type RuleEvent = RuleCreated | RuleChanged | RuleEnabled | RuleDisabled | RuleDeleted;
export type RobotsEvent = RuleEvent | RuleRan | RoundRobinTurnTaken;
