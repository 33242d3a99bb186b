/**
 * A robot's rule (A1, A2): when something happens (trigger), and the conversation is as the
 * conditions say, do the actions, in order. Decorator-free: the web app imports its types.
 */

/** What starts a rule. */
export type RuleTrigger =
  /** Any message from the client. */
  | { readonly kind: 'message_received' }
  /** The first message of a conversation. */
  | { readonly kind: 'first_message' }
  /** A client message that has one of the words or phrases (case-insensitive, whole words). */
  | { readonly kind: 'keyword'; readonly keywords: readonly string[] }
  /** A client message that matches a regular expression (RE2 syntax: linear time, no hangs). */
  | { readonly kind: 'pattern'; readonly pattern: string }
  | { readonly kind: 'tag_added'; readonly tag: string }
  | { readonly kind: 'tag_removed'; readonly tag: string }
  /** The deal moved to `stage` (any stage when null). */
  | { readonly kind: 'stage_changed'; readonly stage: string | null }
  /** An external system reported a conversion (of this type; any when null). */
  | { readonly kind: 'conversion_recorded'; readonly conversionType: string | null }
  /** A client message still has no manager reply after `minutes`. */
  | { readonly kind: 'no_manager_reply'; readonly minutes: number }
  /** A task of the conversation passed its due time undone. */
  | { readonly kind: 'task_overdue' };

export type RuleTriggerKind = RuleTrigger['kind'];

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

/** What must hold for a triggered rule to act; all of a rule's conditions must hold. */
export type RuleCondition =
  | {
      readonly kind: 'tags';
      readonly match: 'any' | 'all' | 'none';
      readonly tags: readonly string[];
    }
  | { readonly kind: 'stage'; readonly stages: readonly string[] }
  | { readonly kind: 'line'; readonly line: 1 | 2 }
  | { readonly kind: 'channel'; readonly channels: readonly string[] }
  | { readonly kind: 'language'; readonly languages: readonly string[] }
  | { readonly kind: 'country'; readonly countries: readonly string[] }
  | { readonly kind: 'source'; readonly sources: readonly string[] }
  | { readonly kind: 'campaign'; readonly campaigns: readonly string[] }
  /** The triggering client message matches (RE2 syntax). */
  | { readonly kind: 'text_matches'; readonly pattern: string }
  /**
   * The time in the workspace's time zone is within `from`..`to` (`HH:MM`, 24 h; `to` before
   * `from` spans midnight) on one of `weekdays` (1 = Monday … 7 = Sunday).
   */
  | {
      readonly kind: 'time';
      readonly from: string;
      readonly to: string;
      readonly weekdays: readonly number[];
    };

export type RuleConditionKind = RuleCondition['kind'];

/** What a rule does, each a command to the service that owns it, caused by the trigger. */
export type RuleAction =
  | { readonly kind: 'change_stage'; readonly stage: string }
  | { readonly kind: 'add_tag'; readonly tag: string }
  | { readonly kind: 'remove_tag'; readonly tag: string }
  | { readonly kind: 'set_line'; readonly line: 1 | 2 }
  /** A fixed manager, or round robin among the managers of a line. */
  | { readonly kind: 'assign_manager'; readonly managerId: string }
  | { readonly kind: 'assign_round_robin'; readonly managerIds: readonly string[] }
  | { readonly kind: 'send_template'; readonly templateId: string }
  | { readonly kind: 'create_task'; readonly description: string; readonly dueInMinutes: number }
  | { readonly kind: 'add_note'; readonly text: string }
  | { readonly kind: 'archive' }
  | { readonly kind: 'pin' };

export type RuleActionKind = RuleAction['kind'];

/** A rule as an admin defines it. */
export interface RuleDefinition {
  readonly name: string;
  readonly trigger: RuleTrigger;
  readonly conditions: readonly RuleCondition[];
  readonly actions: readonly RuleAction[];
}

/**
 * How many robot steps may follow one another from one outside event: a rule's action causes an
 * event that triggers a rule (1), whose action triggers another (2) ... A chain longer than this
 * stops, and the run says so (two rules that trigger each other).
 */
export const MAX_ROBOT_DEPTH = 3;
