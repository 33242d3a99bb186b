import type { ClientCard } from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import { contactFields, dealFields } from './card-fields';

const contact: NonNullable<ClientCard['contact']> = {
  contactId: 'k1',
  telegramId: '777000111',
  username: 'anna',
  name: 'Anna Petrova',
  languageCode: 'ru',
  platform: 'telegram',
  channel: 'telegram',
  attribution: { source: 'fb', campaign: 'spring', ad: 'ad7', adSet: null, raw: 'fb_spring_ad7' },
  country: null,
  phone: null,
  createdAt: '2026-03-12T11:05:00.000Z',
  salesSum: 12500.5,
  salesCount: 2,
  responsibleManagerId: null,
  salesByCurrency: {},
  tags: ['vip', 'new'],
  tagColours: [],
};

const valueOf = (fields: { name: string; value: string }[], name: string) =>
  fields.find((field) => field.name === name)?.value;

describe('contactFields', () => {
  const context = { t: translatorFor('en'), language: 'en' as const, currentUser: null };

  it('given a contact with attribution, then every R1 field is there by its test name', () => {
    const fields = contactFields(contact, context);
    expect(fields.map((field) => field.name)).toEqual([
      'telegram-id',
      'username',
      'source',
      'campaign',
      'ad',
      'ad-set',
      'platform',
      'channel',
      'created-at',
      'sales-count',
      'responsible',
      'tags',
    ]);
    expect(valueOf(fields, 'telegram-id')).toBe('777000111');
    expect(valueOf(fields, 'username')).toBe('@anna');
    expect(valueOf(fields, 'source')).toBe('fb');
    expect(valueOf(fields, 'campaign')).toBe('spring');
    expect(valueOf(fields, 'sales-count')).toBe('2');
    expect(fields.find((field) => field.name === 'tags')?.chips).toEqual(['vip', 'new']);
  });

  it('given missing values, then a dash; given no manager, then "Unassigned"', () => {
    const fields = contactFields({ ...contact, username: null }, context);
    expect(valueOf(fields, 'ad-set')).toBe('—');
    expect(valueOf(fields, 'username')).toBe('—');
    expect(valueOf(fields, 'responsible')).toBe('Unassigned');
  });

  it('given the signed-in manager is responsible, then shows their name, in Russian too', () => {
    const fields = contactFields(
      { ...contact, responsibleManagerId: 'u1' },
      { t: translatorFor('ru'), language: 'ru', currentUser: { id: 'u1', name: 'Olga' } },
    );
    expect(valueOf(fields, 'responsible')).toBe('Olga');
    expect(valueOf(fields, 'sales-count')).toBe('2');
  });

  it('given another user is responsible, then their name from the workspace users; an unknown id as is', () => {
    const users = [{ id: 'u2', name: 'Boris' }];
    const withUsers = { ...context, users };
    expect(
      valueOf(contactFields({ ...contact, responsibleManagerId: 'u2' }, withUsers), 'responsible'),
    ).toBe('Boris');
    expect(
      valueOf(contactFields({ ...contact, responsibleManagerId: 'u9' }, withUsers), 'responsible'),
    ).toBe('u9');
  });
});

describe('dealFields', () => {
  it('given a deal, then stage, line and channel', () => {
    const fields = dealFields(
      { dealId: 'd1', stage: 'New', line: 1, channel: 'telegram', createdAt: contact.createdAt },
      { t: translatorFor('en'), language: 'en', currentUser: null },
    );
    expect(fields).toEqual([
      { name: 'stage', label: 'card.field.stage', value: 'New' },
      { name: 'line', label: 'card.field.line', value: 'Line 1' },
      { name: 'deal-channel', label: 'card.field.deal-channel', value: 'telegram' },
    ]);
  });
});
