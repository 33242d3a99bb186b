import type { TimelineAction } from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import { actionText } from './action-text';

const action = (name: string): TimelineAction => ({
  kind: 'action',
  action: name,
  summary: 'Stage changed to Won',
  details: {},
});

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
});
