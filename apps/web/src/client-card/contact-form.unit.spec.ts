import type { ClientCard } from '@parley/contracts';
import { contactDraftOf, contactEdit } from './contact-form';

const contact = {
  name: 'Vera Ivanova',
  country: 'DE',
  phone: null,
} as unknown as NonNullable<ClientCard['contact']>;

describe('contact form', () => {
  it('given a contact, then the draft shows its fields, blanks for what is not set', () => {
    expect(contactDraftOf(contact)).toEqual({ name: 'Vera Ivanova', country: 'DE', phone: '' });
  });

  it('given an unchanged draft (spaces aside), then there is nothing to send', () => {
    expect(contactEdit(contact, { name: ' Vera Ivanova ', country: 'de', phone: '  ' })).toBeNull();
  });

  it('given changed fields, then only they are sent, trimmed, the country in capitals', () => {
    expect(
      contactEdit(contact, { name: 'Vera I.', country: 'de', phone: ' +49 30 1234 ' }),
    ).toEqual({ name: 'Vera I.', phone: '+49 30 1234' });
    expect(contactEdit(contact, { name: 'Vera Ivanova', country: 'fr', phone: '' })).toEqual({
      country: 'FR',
    });
  });

  it('given a country or phone cleared, then null clears it; a blank name goes as is', () => {
    expect(
      contactEdit({ ...contact, phone: '+7 900' }, { name: '', country: '', phone: '' }),
    ).toEqual({ name: '', country: null, phone: null });
  });
});
