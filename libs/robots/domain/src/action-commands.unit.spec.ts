import { deterministicId, dueTimeProblem, type RuleAction } from '@parley/contracts';
import { actionCommand, type ActionClient, type ActionPlace } from './action-commands';

const runId = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a02';
const client: ActionClient = {
  templates: {
    templates: { t1: 'Hi {user_name}, our offer: {offer}', t2: 'Our prices, {user_name}' },
    attachments: {
      t2: {
        mediaId: '00000000-0000-4000-8000-0000000000aa',
        kind: 'document',
        fileName: 'prices.pdf',
        contentType: 'application/pdf',
        size: 2048,
      },
    },
    variables: { offer: '20% off' },
  },
  templateValues: {
    offer: '20% off',
    user_name: 'Anna K',
    manager_name: '',
    stage: 'New',
    link: '',
  },
  responsibleManagerId: null,
};
const conversationId = 'ws1:tg:777:100';
const parties = {
  workspaceId: 'ws1',
  contactId: 'ws1:contact:tg:100',
  dealId: 'ws1:deal:tg:100',
} as const;
const place = (index: number, changes: Partial<ActionPlace> = {}): ActionPlace => ({
  conversationId,
  parties,
  runId,
  index,
  ranAt: '2026-12-02T21:30:00.000Z',
  timeZone: 'Europe/Moscow',
  ruleCreatedBy: 'admin-1',
  client,
  ...changes,
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

  it('given send_template, then SendMessage to the conversation with the template rendered for the client', () => {
    const messageId = deterministicId('robot-message', runId, 1);
    expect(actionCommand({ kind: 'send_template', templateId: 't1' }, place(1))).toEqual({
      kind: 'command',
      command: {
        service: 'conversation',
        type: 'SendMessage',
        aggregateId: 'ws1:tg:777:100',
        data: {
          conversationId: 'ws1:tg:777:100',
          messageId,
          content: { kind: 'text', text: 'Hi Anna K, our offer: 20% off' },
        },
      },
    });
    expect(messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('given send_template of a template with a file, then SendMessage of the file with the rendered text as its caption (issue 13)', () => {
    expect(actionCommand({ kind: 'send_template', templateId: 't2' }, place(3))).toEqual({
      kind: 'command',
      command: {
        service: 'conversation',
        type: 'SendMessage',
        aggregateId: 'ws1:tg:777:100',
        data: {
          conversationId: 'ws1:tg:777:100',
          messageId: deterministicId('robot-message', runId, 3),
          content: {
            kind: 'document',
            attachment: {
              mediaId: '00000000-0000-4000-8000-0000000000aa',
              fileName: 'prices.pdf',
              contentType: 'application/pdf',
              size: 2048,
            },
            caption: 'Our prices, Anna K',
          },
        },
      },
    });
  });

  it('given send_template of a template the library no longer has, then nothing to send', () => {
    expect(actionCommand({ kind: 'send_template', templateId: 'gone' }, place(0))).toEqual({
      kind: 'template_missing',
      templateId: 'gone',
    });
  });

  it('given create_task and a contact without a manager, then CreateTask for the rule’s creator, due in the workspace’s time zone', () => {
    const taskId = deterministicId('robot-task', runId, 2);
    const translated = actionCommand(
      { kind: 'create_task', description: 'Call back', dueInMinutes: 90 },
      place(2),
    );
    expect(translated).toEqual({
      kind: 'command',
      command: {
        service: 'tasks-notes',
        type: 'CreateTask',
        aggregateId: `ws1:task:${taskId}`,
        data: {
          taskId,
          conversationId: 'ws1:tg:777:100',
          description: 'Call back',
          dueAt: '2026-12-03T02:00:00.000+03:00',
          timeZone: 'Europe/Moscow',
          assigneeId: 'admin-1',
        },
      },
    });
    const data =
      translated.kind === 'command' ? (translated.command.data as { dueAt: string }) : null;
    expect(dueTimeProblem(data!.dueAt, 'Europe/Moscow')).toBeNull();
  });

  it('given create_task and a contact with a responsible manager, then the task is theirs', () => {
    const translated = actionCommand(
      { kind: 'create_task', description: 'Call back', dueInMinutes: 0 },
      place(0, { client: { ...client, responsibleManagerId: 'manager-7' } }),
    );
    expect(translated).toMatchObject({
      kind: 'command',
      command: { data: { assigneeId: 'manager-7', dueAt: '2026-12-03T00:30:00.000+03:00' } },
    });
  });

  it('given assign_round_robin and the manager its turn chose, then that manager is made responsible', () => {
    const action: RuleAction = { kind: 'assign_round_robin', managerIds: ['m1', 'm2'] };
    expect(actionCommand(action, place(2, { roundRobinManagers: { 2: 'm2' } }))).toMatchObject({
      kind: 'command',
      command: {
        service: 'crm',
        type: 'SetResponsibleManager',
        aggregateId: parties.contactId,
        data: { contactId: parties.contactId, managerId: 'm2' },
      },
    });
  });

  it('given assign_round_robin without a turn taken, then it is not carried out', () => {
    const action: RuleAction = { kind: 'assign_round_robin', managerIds: ['m1'] };
    expect(actionCommand(action, place(0, { roundRobinManagers: { 1: 'm1' } }))).toEqual({
      kind: 'not_available',
      action: 'assign_round_robin',
    });
  });

  it.each([
    ['archive', 'ArchiveConversation'],
    ['pin', 'PinConversation'],
  ] as const)('given %s, then %s of the conversation', (kind, type) => {
    expect(actionCommand({ kind }, place(0))).toEqual({
      kind: 'command',
      command: {
        service: 'conversation',
        type,
        aggregateId: conversationId,
        data: { conversationId },
      },
    });
  });
});
