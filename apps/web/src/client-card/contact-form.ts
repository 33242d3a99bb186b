import type { ClientCard, EditContactRequest } from '@parley/contracts';

type Contact = NonNullable<ClientCard['contact']>;

/** What the contact form holds while a manager types: the three fields a manager may edit. */
export interface ContactDraft {
  readonly name: string;
  readonly country: string;
  readonly phone: string;
}

/** The form's fields as the card has them (blank for a country or phone not set). */
export const contactDraftOf = (contact: Contact): ContactDraft => ({
  name: contact.name,
  country: contact.country ?? '',
  phone: contact.phone ?? '',
});

const orNull = (value: string): string | null => (value === '' ? null : value);

/**
 * The `PATCH …/contact` body for a draft: only the fields that differ from the card, trimmed, the
 * country in capitals, a blank country or phone as null (cleared); null when nothing changed. A
 * blank name is sent as it is, so the gateway's reason shows.
 */
export const contactEdit = (contact: Contact, draft: ContactDraft): EditContactRequest | null => {
  const name = draft.name.trim();
  const country = orNull(draft.country.trim().toUpperCase());
  const phone = orNull(draft.phone.trim());
  const edit: { name?: string; country?: string | null; phone?: string | null } = {};
  if (name !== contact.name) edit.name = name;
  if (country !== contact.country) edit.country = country;
  if (phone !== contact.phone) edit.phone = phone;
  return Object.keys(edit).length === 0 ? null : edit;
};
