import type { RuleDefinition } from '@parley/contracts';
import { noReplyTimerIdsOf, noReplyTimersFor } from './no-reply-timers';
import type { Rule } from './rule-evaluation';

const rule = (ruleId: string, trigger: RuleDefinition['trigger'], enabled = true): Rule => ({
  ruleId,
  enabled,
  position: 1,
  definition: { name: ruleId, trigger, conditions: [], actions: [{ kind: 'pin' }] },
});
const rules = [
  rule('after-30', { kind: 'no_manager_reply', minutes: 30 }),
  rule('after-5', { kind: 'no_manager_reply', minutes: 5 }),
  rule('off', { kind: 'no_manager_reply', minutes: 1 }, false),
  rule('keyword', { kind: 'keyword', keywords: ['price'] }),
];
const CHAT = 'ws1:tg:1:100';

describe('no-reply timers', () => {
  it('given a client message, then each enabled no-reply rule starts a timer of its length, one per rule and chat', () => {
    const timers = noReplyTimersFor(rules, CHAT, new Date('2026-12-02T10:00:00Z'));
    expect(timers).toEqual([
      {
        id: 'no-reply|after-30|ws1:tg:1:100',
        ruleId: 'after-30',
        conversationId: CHAT,
        dueAt: new Date('2026-12-02T10:30:00Z'),
      },
      {
        id: 'no-reply|after-5|ws1:tg:1:100',
        ruleId: 'after-5',
        conversationId: CHAT,
        dueAt: new Date('2026-12-02T10:05:00Z'),
      },
    ]);
    // A later message names the same timers: the wait counts from the first unanswered one.
    expect(
      noReplyTimersFor(rules, CHAT, new Date('2026-12-02T10:10:00Z')).map((t) => t.id),
    ).toEqual(timers.map((t) => t.id));
  });

  it('given a manager’s reply, then the timers of every no-reply rule of the chat are cancelled', () => {
    expect(noReplyTimerIdsOf(rules, CHAT)).toEqual([
      'no-reply|after-30|ws1:tg:1:100',
      'no-reply|after-5|ws1:tg:1:100',
    ]);
  });
});
