import type { RuleDefinition } from '@parley/contracts';
import { MAX_DELAY_MINUTES, ruleProblems } from './rule-problems';

const valid: RuleDefinition = {
  name: 'Price question',
  trigger: { kind: 'keyword', keywords: ['price'] },
  conditions: [{ kind: 'time', from: '09:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] }],
  actions: [{ kind: 'add_tag', tag: 'price-asked' }],
};

describe('what is wrong with a rule definition', () => {
  it('given a sound rule, then nothing', () => {
    expect(ruleProblems(valid)).toEqual([]);
  });

  it('given a rule with many problems, then each field with its reason', () => {
    expect(
      ruleProblems({
        name: ' ',
        trigger: { kind: 'pattern', pattern: '(?<=x)y' },
        conditions: [
          { kind: 'time', from: '25:00', to: '25:00', weekdays: [0] },
          { kind: 'tags', match: 'any', tags: [] },
        ],
        actions: [],
      }),
    ).toEqual([
      { field: 'name', reason: 'a name of 1 to 100 characters' },
      { field: 'trigger.pattern', reason: expect.stringMatching(/RE2/) },
      { field: 'conditions[0].from', reason: 'a time as HH:MM, 00:00 to 23:59' },
      { field: 'conditions[0].to', reason: 'a time as HH:MM, 00:00 to 23:59' },
      { field: 'conditions[0].to', reason: 'the window is empty: from equals to' },
      { field: 'conditions[0].weekdays', reason: 'at least one weekday, 1 (Monday) to 7 (Sunday)' },
      { field: 'conditions[1].tags', reason: 'name at least one tag' },
      { field: 'actions', reason: '1 to 10 actions' },
    ]);
  });

  it.each([0, 1.5, MAX_DELAY_MINUTES + 1])(
    'given a delay of %p minutes, then it is refused',
    (minutes) => {
      expect(ruleProblems({ ...valid, trigger: { kind: 'no_manager_reply', minutes } })).toEqual([
        { field: 'trigger.minutes', reason: 'a whole number of minutes from 1 to 10080 (a week)' },
      ]);
    },
  );

  it('given actions with empty parts, then each is named', () => {
    expect(
      ruleProblems({
        ...valid,
        actions: [
          { kind: 'add_tag', tag: '' },
          { kind: 'assign_round_robin', managerIds: [] },
          { kind: 'create_task', description: 'Call back', dueInMinutes: -5 },
          { kind: 'add_note', text: '  ' },
        ],
      }).map((p) => p.field),
    ).toEqual([
      'actions[0].tag',
      'actions[1].managerIds',
      'actions[2].dueInMinutes',
      'actions[3].text',
    ]);
  });

  it('given a rule on overdue tasks that creates a task, then it is refused: it would run for ever', () => {
    expect(
      ruleProblems({
        ...valid,
        trigger: { kind: 'task_overdue' },
        actions: [{ kind: 'create_task', description: 'Call back', dueInMinutes: 0 }],
      }),
    ).toEqual([{ field: 'actions', reason: expect.stringMatching(/cannot create a task/) }]);
  });
});
