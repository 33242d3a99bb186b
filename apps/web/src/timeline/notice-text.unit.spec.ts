import type { TimelineAction } from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import { actionText } from './action-text';

const system = { kind: 'system', id: 'conversion-key:ck_1' } as const;
const en = translatorFor('en');
const ru = translatorFor('ru');
const notice = (name: string, details: Record<string, unknown>): TimelineAction => ({
  kind: 'action',
  action: name,
  summary: 'summary',
  details,
});

describe('actionText for news from outside (A3, R2)', () => {
  it('given a reported deposit, then its amount and currency in the language', () => {
    const deposit = notice('conversion.recorded', {
      conversionType: 'deposit',
      amount: '125.50',
      currency: 'USD',
    });
    expect(actionText(deposit, system, 'u1', en)).toBe(
      'Deposit of 125.50 USD (reported by an external system)',
    );
    expect(actionText(deposit, system, 'u1', ru)).toBe(
      'Депозит 125.50 USD (сообщила внешняя система)',
    );
  });

  it('given a reported registration, then it says the client registered', () => {
    const registration = notice('conversion.recorded', {
      conversionType: 'registration',
      amount: null,
    });
    expect(actionText(registration, system, 'u1', en)).toBe(
      'The client registered (reported by an external system)',
    );
  });

  it('given a conversion of a kind the app does not know, then the summary', () => {
    const other = notice('conversion.recorded', { conversionType: 'refund' });
    expect(actionText(other, system, 'u1', en)).toBe('summary by system');
  });

  it('given the first /start after a message, then where the client came from, or only /start', () => {
    const crm = { kind: 'system', id: 'crm' } as const;
    expect(actionText(notice('contact.attributed', { source: 'facebook' }), crm, null, en)).toBe(
      'The client came from facebook',
    );
    expect(actionText(notice('contact.attributed', { source: null }), crm, null, ru)).toBe(
      'Клиент отправил /start',
    );
  });
});
