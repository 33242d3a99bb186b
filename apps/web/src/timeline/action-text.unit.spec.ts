import type { TimelineAction } from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import { actionText } from './action-text';

const action = (name: string, details: Record<string, unknown> = {}): TimelineAction => ({
  kind: 'action',
  action: name,
  summary: 'Stage changed to Won',
  details,
});

const you = { kind: 'manager', id: 'u1' } as const;
const other = { kind: 'manager', id: 'u2' } as const;
const en = translatorFor('en');
const ru = translatorFor('ru');

describe('actionText', () => {
  it('given a known action by the system, then says what and who in the language', () => {
    const system = { kind: 'system', id: 'crm' } as const;
    expect(actionText(action('contact.created'), system, 'u1', translatorFor('en'))).toBe(
      'Contact created by system',
    );
    expect(actionText(action('contact.created'), system, 'u1', translatorFor('ru'))).toBe(
      'Контакт создан системой',
    );
  });

  it('given a manager, then "you" when it is the signed-in one', () => {
    const t = translatorFor('en');
    expect(actionText(action('conversation.read'), { kind: 'manager', id: 'u1' }, 'u1', t)).toBe(
      'Conversation marked read by you',
    );
    expect(actionText(action('deal.created'), { kind: 'manager', id: 'u2' }, 'u1', t)).toBe(
      'Deal created by a manager',
    );
  });

  it('given an action the dictionaries do not know, then the projector’s summary is used', () => {
    expect(
      actionText(action('stage.changed'), { kind: 'robot', id: 'r1' }, 'u1', translatorFor('en')),
    ).toBe('Stage changed to Won by a robot');
  });

  describe('a manager’s work on the client reads "<who> <did what>"', () => {
    const cases: [TimelineAction, string, string, string][] = [
      [
        action('tag.added', { tag: 'VIP', colour: '#ffd700' }),
        'You added the tag “VIP”',
        'Вы добавили тег «VIP»',
        'Менеджер добавил тег «VIP»',
      ],
      [
        action('tag.removed', { tag: 'VIP' }),
        'You removed the tag “VIP”',
        'Вы убрали тег «VIP»',
        'Менеджер убрал тег «VIP»',
      ],
      [
        action('responsible_manager.assigned', { managerId: 'u3', previousManagerId: null }),
        'You made another manager the responsible manager',
        'Вы назначили ответственным другого менеджера',
        'Менеджер назначил ответственным другого менеджера',
      ],
      [
        action('responsible_manager.unassigned', { previousManagerId: 'u3' }),
        'You unassigned the responsible manager',
        'Вы сняли ответственного менеджера',
        'Менеджер снял ответственного менеджера',
      ],
      [
        action('deal.stage_changed', { from: 'new', to: 'in_progress', toName: 'In progress' }),
        'You moved the deal to “In progress”',
        'Вы перевели сделку на этап «In progress»',
        'Менеджер перевёл сделку на этап «In progress»',
      ],
      [
        action('deal.line_changed', { from: 1, to: 2 }),
        'You moved the deal to line 2',
        'Вы перевели сделку на линию 2',
        'Менеджер перевёл сделку на линию 2',
      ],
      [
        action('contact.edited', { changes: [{ field: 'name' }, { field: 'phone' }] }),
        'You edited the contact: name, phone',
        'Вы изменили контакт: имя, телефон',
        'Менеджер изменил контакт: имя, телефон',
      ],
      [
        action('sale.recorded', { amount: '125.50', currency: 'EUR', accountId: 'A-1' }),
        'You recorded a sale of 125.50 EUR',
        'Вы записали продажу: 125.50 EUR',
        'Менеджер записал продажу: 125.50 EUR',
      ],
      [
        action('chat.archived', {}),
        'You archived the chat',
        'Вы отправили чат в архив',
        'Менеджер отправил чат в архив',
      ],
      [
        action('chat.unarchived', {}),
        'You unarchived the chat',
        'Вы вернули чат из архива',
        'Менеджер вернул чат из архива',
      ],
      [
        action('chat.pinned', {}),
        'You pinned the chat',
        'Вы закрепили чат',
        'Менеджер закрепил чат',
      ],
      [
        action('chat.unpinned', {}),
        'You unpinned the chat',
        'Вы открепили чат',
        'Менеджер открепил чат',
      ],
    ];

    it.each(cases.map((row) => [row[0].action, ...row] as const))(
      'given %s, then it reads in en and ru',
      (_name, item, byYouEn, byYouRu, byOtherRu) => {
        expect(actionText(item, you, 'u1', en)).toBe(byYouEn);
        expect(actionText(item, you, 'u1', ru)).toBe(byYouRu);
        expect(actionText(item, other, 'u1', ru)).toBe(byOtherRu);
        expect(actionText(item, other, 'u1', en)).toMatch(/^A manager /);
      },
    );

    it('given a manager who assigned themselves, then they took the client', () => {
      const item = action('responsible_manager.assigned', { managerId: 'u1' });
      expect(actionText(item, you, 'u1', en)).toBe('You took the client');
      expect(actionText(item, you, 'u1', ru)).toBe('Вы взяли клиента на себя');
      const toMe = action('responsible_manager.assigned', { managerId: 'u1' });
      expect(actionText(toMe, other, 'u1', en)).toBe('A manager made you the responsible manager');
    });

    it('given a robot, then the robot is the subject', () => {
      expect(
        actionText(action('tag.added', { tag: 'Lead' }), { kind: 'robot', id: 'r1' }, 'u1', en),
      ).toBe('A robot added the tag “Lead”');
    });

    it('given details that lack what the sentence needs, then the projector’s summary', () => {
      expect(actionText(action('tag.added'), you, 'u1', en)).toBe('Stage changed to Won by you');
    });
  });

  describe('a robot’s rule, named (A2)', () => {
    const robot = { kind: 'robot', id: 'rule-1' } as const;

    it('given robot.ran, then the rule’s name and what it did, in en and ru', () => {
      const item = action('robot.ran', {
        ruleId: 'rule-1',
        ruleName: 'Price question',
        actions: [
          { kind: 'add_tag', tag: 'price-asked' },
          { kind: 'set_line', line: 2 },
        ],
        reason: null,
      });
      expect(actionText(item, robot, 'u1', en)).toBe(
        'Robot «Price question»: add tag price-asked, move to line 2',
      );
      expect(actionText(item, robot, 'u1', ru)).toBe(
        'Робот «Price question»: добавить тег price-asked, перевести на линию 2',
      );
    });

    it('given robot.stopped, then the rule’s name and why, in en and ru', () => {
      const item = action('robot.stopped', {
        ruleId: 'rule-1',
        ruleName: 'Ping-pong',
        actions: [],
        reason: 'more than 3 robot steps in a row',
      });
      expect(actionText(item, robot, 'u1', en)).toBe(
        'Robot «Ping-pong» stopped: more than 3 robot steps in a row',
      );
      expect(actionText(item, robot, 'u1', ru)).toBe(
        'Робот «Ping-pong» остановлен: more than 3 robot steps in a row',
      );
    });

    it('given details without a rule name or with actions it cannot read, then the summary', () => {
      expect(actionText(action('robot.ran', { actions: [] }), robot, 'u1', en)).toBe(
        'Stage changed to Won by a robot',
      );
      expect(
        actionText(
          action('robot.ran', { ruleName: 'R', actions: [{ kind: '?' }] }),
          robot,
          'u1',
          en,
        ),
      ).toBe('Stage changed to Won by a robot');
    });
  });
});
