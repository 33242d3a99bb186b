import type { RuleAction, RuleCondition, RuleDefinition, RuleTrigger } from '@parley/contracts';
import { patternProblem } from './safe-pattern';
import { CLOCK_TIME } from './working-time';

/** A field of a rule definition and what is wrong with it. */
export interface RuleProblem {
  readonly field: string;
  readonly reason: string;
}

/** The longest a delayed trigger waits: a week. */
export const MAX_DELAY_MINUTES = 7 * 24 * 60;
export const RULE_NAME_MAX = 100;
export const MAX_CONDITIONS = 20;
export const MAX_ACTIONS = 10;

const blank = (value: string): boolean => value.trim() === '';

const triggerProblems = (trigger: RuleTrigger): RuleProblem[] => {
  switch (trigger.kind) {
    case 'keyword':
      return trigger.keywords.length === 0 || trigger.keywords.some(blank)
        ? [{ field: 'trigger.keywords', reason: 'give at least one keyword, none of them empty' }]
        : [];
    case 'pattern': {
      const problem = patternProblem(trigger.pattern);
      return problem === null ? [] : [{ field: 'trigger.pattern', reason: problem }];
    }
    case 'tag_added':
    case 'tag_removed':
      return blank(trigger.tag) ? [{ field: 'trigger.tag', reason: 'name the tag' }] : [];
    case 'no_manager_reply':
      return Number.isInteger(trigger.minutes) &&
        trigger.minutes >= 1 &&
        trigger.minutes <= MAX_DELAY_MINUTES
        ? []
        : [
            {
              field: 'trigger.minutes',
              reason: `a whole number of minutes from 1 to ${MAX_DELAY_MINUTES} (a week)`,
            },
          ];
    default:
      return [];
  }
};

const conditionProblems = (condition: RuleCondition, index: number): RuleProblem[] => {
  const field = `conditions[${index}]`;
  switch (condition.kind) {
    case 'text_matches': {
      const problem = patternProblem(condition.pattern);
      return problem === null ? [] : [{ field: `${field}.pattern`, reason: problem }];
    }
    case 'time': {
      const problems: RuleProblem[] = [];
      for (const key of ['from', 'to'] as const) {
        if (!CLOCK_TIME.test(condition[key])) {
          problems.push({ field: `${field}.${key}`, reason: 'a time as HH:MM, 00:00 to 23:59' });
        }
      }
      if (condition.from === condition.to) {
        problems.push({ field: `${field}.to`, reason: 'the window is empty: from equals to' });
      }
      if (
        condition.weekdays.length === 0 ||
        condition.weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)
      ) {
        problems.push({
          field: `${field}.weekdays`,
          reason: 'at least one weekday, 1 (Monday) to 7 (Sunday)',
        });
      }
      return problems;
    }
    case 'tags':
      return condition.tags.length === 0
        ? [{ field: `${field}.tags`, reason: 'name at least one tag' }]
        : [];
    default:
      return [];
  }
};

const actionProblems = (action: RuleAction, index: number): RuleProblem[] => {
  const field = `actions[${index}]`;
  switch (action.kind) {
    case 'add_tag':
    case 'remove_tag':
      return blank(action.tag) ? [{ field: `${field}.tag`, reason: 'name the tag' }] : [];
    case 'assign_round_robin':
      return action.managerIds.length === 0
        ? [{ field: `${field}.managerIds`, reason: 'choose at least one manager' }]
        : [];
    case 'create_task':
      return Number.isInteger(action.dueInMinutes) && action.dueInMinutes >= 0
        ? []
        : [{ field: `${field}.dueInMinutes`, reason: 'a whole number of minutes, 0 or more' }];
    case 'add_note':
      return blank(action.text) ? [{ field: `${field}.text`, reason: 'write the note' }] : [];
    default:
      return [];
  }
};

/**
 * What is wrong with a rule definition, field by field (empty when nothing is): a name, at least
 * one action, patterns RE2 accepts, delays within a week, time windows as HH:MM on weekdays 1–7.
 * Whether stages, tags, templates and managers exist is checked where they are known.
 */
export const ruleProblems = (definition: RuleDefinition): RuleProblem[] => [
  ...(blank(definition.name) || definition.name.length > RULE_NAME_MAX
    ? [{ field: 'name', reason: `a name of 1 to ${RULE_NAME_MAX} characters` }]
    : []),
  ...triggerProblems(definition.trigger),
  ...(definition.conditions.length > MAX_CONDITIONS
    ? [{ field: 'conditions', reason: `at most ${MAX_CONDITIONS} conditions` }]
    : []),
  ...definition.conditions.flatMap(conditionProblems),
  ...(definition.actions.length === 0 || definition.actions.length > MAX_ACTIONS
    ? [{ field: 'actions', reason: `1 to ${MAX_ACTIONS} actions` }]
    : []),
  ...definition.actions.flatMap(actionProblems),
  ...(definition.trigger.kind === 'task_overdue' &&
  definition.actions.some((action) => action.kind === 'create_task')
    ? [
        {
          field: 'actions',
          reason:
            'a rule on overdue tasks cannot create a task: its task would fall due and run the rule again, for ever',
        },
      ]
    : []),
];
