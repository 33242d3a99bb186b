import { ruleShapeProblems } from './rule-shape';

describe('the shape of a rule from outside', () => {
  it('given every kind of trigger, condition and action with its fields, then no problem', () => {
    expect(
      ruleShapeProblems({
        name: 'All kinds',
        trigger: { kind: 'no_manager_reply', minutes: 30 },
        conditions: [
          { kind: 'tags', match: 'all', tags: ['vip'] },
          { kind: 'line', line: 2 },
          { kind: 'time', from: '09:00', to: '18:00', weekdays: [1, 2] },
        ],
        actions: [
          { kind: 'send_template', templateId: 't1' },
          { kind: 'create_task', description: 'Call', dueInMinutes: 60 },
          { kind: 'archive' },
        ],
      }),
    ).toEqual([]);
  });

  it('given unknown kinds, wrong types and extra fields, then each is named', () => {
    expect(
      ruleShapeProblems({
        name: 5,
        trigger: { kind: 'sunrise' },
        conditions: [
          { kind: 'line', line: 3 },
          { kind: 'tags', match: 'some', tags: 'vip' },
        ],
        actions: [{ kind: 'pin', when: 'now' }, 'archive'],
        owner: 'me',
      }),
    ).toEqual([
      { field: 'name', reason: 'must be a string' },
      {
        field: 'trigger.kind',
        reason: expect.stringMatching(/^must be one of message_received, /),
      },
      { field: 'conditions[0].line', reason: 'must be 1 or 2' },
      { field: 'conditions[1].match', reason: 'must be any, all or none' },
      { field: 'conditions[1].tags', reason: 'must be a list of at most 100 strings' },
      { field: 'actions[0].when', reason: 'is not a field of pin' },
      { field: 'actions[1]', reason: 'must be an object with a kind' },
      { field: 'owner', reason: 'is not a field of a rule' },
    ]);
  });

  it('given no object, then one problem', () => {
    expect(ruleShapeProblems('rule')).toEqual([
      { field: 'definition', reason: 'must be an object' },
    ]);
  });
});
