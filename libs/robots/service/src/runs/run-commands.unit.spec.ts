import { deterministicId, type RuleRan } from '@parley/contracts';
import { runCommands, type RunSetting } from './run-commands';

const conversationId = 'ws1:tg:777:100';
const runId = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a02';
const robot = { kind: 'robot' as const, id: 'rule-1' };

const run = (actions: RuleRan['data']['actions']): RuleRan => ({
  type: 'Robots.RuleRan',
  data: {
    runId,
    ruleId: 'rule-1',
    ruleName: 'Price question',
    conversationId,
    outcome: 'run',
    actions,
    reason: null,
    depth: 0,
    ranAt: '2026-12-02T21:30:00.000Z',
  },
  metadata: {
    eventId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a03',
    workspaceId: 'ws1',
    aggregateId: conversationId,
    occurredAt: '2026-12-02T21:30:00.000Z',
    schemaVersion: 1,
    correlationId: 'c1',
    causationId: 'e1',
    actor: robot,
  },
});

const setting: RunSetting = {
  parties: { workspaceId: 'ws1', contactId: 'ws1:contact:tg:100', dealId: 'ws1:deal:tg:100' },
  client: {
    templates: { templates: { t1: 'Hi {user_name}' }, attachments: {}, variables: {} },
    templateValues: { user_name: 'Anna' },
    responsibleManagerId: null,
  },
  ruleCreatedBy: 'admin-1',
  timeZone: 'Europe/Moscow',
  targets: { crm: 'crm-x', tasksNotes: 'tasks-notes-x', conversation: 'conversation-x' },
};

describe('the commands of a recorded run', () => {
  it('given send_template and create_task, then SendMessage to the conversation service and CreateTask to tasks-notes, as the robot, caused by the run', () => {
    const { commands, notAvailable, missingTemplates } = runCommands(
      run([
        { kind: 'send_template', templateId: 't1' },
        { kind: 'create_task', description: 'Call back', dueInMinutes: 30 },
      ]),
      setting,
    );
    const taskId = deterministicId('robot-task', runId, 1);
    const metadata = {
      workspaceId: 'ws1',
      issuedAt: '2026-12-02T21:30:00.000Z',
      correlationId: 'c1',
      causationId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a03',
      actor: robot,
    };
    expect(commands).toEqual([
      {
        commandId: deterministicId('robot-run-command', runId, 0),
        service: 'conversation-x',
        type: 'SendMessage',
        data: {
          conversationId,
          messageId: deterministicId('robot-message', runId, 0),
          content: { kind: 'text', text: 'Hi Anna' },
        },
        metadata: { ...metadata, aggregateId: conversationId },
      },
      {
        commandId: deterministicId('robot-run-command', runId, 1),
        service: 'tasks-notes-x',
        type: 'CreateTask',
        data: {
          taskId,
          conversationId,
          description: 'Call back',
          dueAt: '2026-12-03T01:00:00.000+03:00',
          timeZone: 'Europe/Moscow',
          assigneeId: 'admin-1',
        },
        metadata: { ...metadata, aggregateId: `ws1:task:${taskId}` },
      },
    ]);
    expect(notAvailable).toEqual([]);
    expect(missingTemplates).toEqual([]);
  });

  it('given a template the library no longer has and an action not carried out, then no command for them, each reported', () => {
    const { commands, notAvailable, missingTemplates } = runCommands(
      run([
        { kind: 'send_template', templateId: 'gone' },
        { kind: 'assign_round_robin', managerIds: ['m1'] },
        { kind: 'add_tag', tag: 'vip' },
        { kind: 'pin' },
      ]),
      setting,
    );
    expect(commands.map((c) => [c.service, c.type])).toEqual([
      ['crm-x', 'AddTag'],
      ['conversation-x', 'PinConversation'],
    ]);
    expect(missingTemplates).toEqual(['gone']);
    expect(notAvailable).toEqual(['assign_round_robin']);
  });
});
