import { deterministicId, type RuleAction } from '@parley/contracts';
import { actionCommand, type ActionPlace } from './action-commands';

const runId = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a02';
const place = (index: number): ActionPlace => ({
  conversationId: 'ws1:tg:777:100',
  parties: { workspaceId: 'ws1', contactId: 'ws1:contact:tg:100', dealId: 'ws1:deal:tg:100' },
  runId,
  index,
});

describe('a rule action as a command', () => {
  it.each<[RuleAction, unknown]>([
    [
      { kind: 'add_tag', tag: 'price-asked' },
      {
        service: 'crm',
        type: 'AddTag',
        aggregateId: 'ws1:contact:tg:100',
        data: { contactId: 'ws1:contact:tg:100', name: 'price-asked', actorRole: 'admin' },
      },
    ],
    [
      { kind: 'remove_tag', tag: 'cold' },
      {
        service: 'crm',
        type: 'RemoveTag',
        aggregateId: 'ws1:contact:tg:100',
        data: { contactId: 'ws1:contact:tg:100', name: 'cold' },
      },
    ],
    [
      { kind: 'change_stage', stage: 'in_progress' },
      {
        service: 'crm',
        type: 'MoveDealToStage',
        aggregateId: 'ws1:deal:tg:100',
        data: { dealId: 'ws1:deal:tg:100', stageId: 'in_progress' },
      },
    ],
    [
      { kind: 'set_line', line: 2 },
      {
        service: 'crm',
        type: 'ChangeDealLine',
        aggregateId: 'ws1:deal:tg:100',
        data: { dealId: 'ws1:deal:tg:100', line: 2 },
      },
    ],
    [
      { kind: 'assign_manager', managerId: 'manager-1' },
      {
        service: 'crm',
        type: 'SetResponsibleManager',
        aggregateId: 'ws1:contact:tg:100',
        data: { contactId: 'ws1:contact:tg:100', managerId: 'manager-1' },
      },
    ],
  ])('given %j, then its CRM command to the contact or deal', (action, command) => {
    expect(actionCommand(action, place(0))).toEqual({ kind: 'command', command });
  });

  it('given add_note, then AddNote with a note id derived from the run and the index', () => {
    const noteId = deterministicId('robot-note', runId, 3);
    expect(actionCommand({ kind: 'add_note', text: 'Asked for the price' }, place(3))).toEqual({
      kind: 'command',
      command: {
        service: 'tasks-notes',
        type: 'AddNote',
        aggregateId: `ws1:note:${noteId}`,
        data: { noteId, conversationId: 'ws1:tg:777:100', text: 'Asked for the price' },
      },
    });
  });

  it.each<RuleAction>([
    { kind: 'send_template', templateId: 't1' },
    { kind: 'create_task', description: 'Call', dueInMinutes: 10 },
    { kind: 'assign_round_robin', managerIds: ['m1'] },
    { kind: 'archive' },
    { kind: 'pin' },
  ])('given %j, then not available yet', (action) => {
    expect(actionCommand(action, place(0))).toEqual({
      kind: 'not_available',
      action: action.kind,
    });
  });
});
