import type { ClientCard, EditContactRequest } from '@parley/contracts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { contactDraftOf, contactEdit, type ContactDraft } from './contact-form';
import { useCardAction } from './use-card-action';

const FIELDS = [
  { field: 'name', label: 'card.field.name', maxLength: 200 },
  { field: 'country', label: 'card.field.country', maxLength: 2 },
  { field: 'phone', label: 'card.field.phone', maxLength: 40 },
] as const;

/**
 * The contact's fields a manager edits (R1): name, country (ISO 3166-1 alpha-2) and phone. Until
 * a manager types, the inputs follow the card, so another manager's edit shows live.
 */
export function ContactFieldsForm(props: {
  contact: NonNullable<ClientCard['contact']>;
  onSave: (edit: EditContactRequest) => Promise<void>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ContactDraft | null>(null);
  const save = useCardAction(props.onSave);
  const shown = draft ?? contactDraftOf(props.contact);
  const edit = contactEdit(props.contact, shown);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (edit === null) {
      setDraft(null);
      return;
    }
    if (await save.run(edit)) setDraft(null);
  };

  return (
    <form
      className="card-form"
      data-testid="card-contact-form"
      onSubmit={(event) => void onSubmit(event)}
    >
      {FIELDS.map(({ field, label, maxLength }) => (
        <label className="card-form__row" key={field}>
          <span className="card-form__label">{t(label)}</span>
          <input
            className="card-edit__input"
            data-testid={`card-contact-${field}`}
            value={shown[field]}
            maxLength={maxLength}
            autoComplete="off"
            placeholder={field === 'country' ? t('card.contact.countryHint') : undefined}
            disabled={save.running}
            onChange={(event) => setDraft({ ...shown, [field]: event.target.value })}
          />
        </label>
      ))}
      <span className="card-edit__buttons">
        <button
          type="submit"
          className="button button--small"
          data-testid="card-contact-save"
          disabled={save.running || edit === null}
        >
          {save.running ? t('card.edit.saving') : t('card.contact.save')}
        </button>
        {draft !== null && (
          <button
            type="button"
            className="link-button"
            data-testid="card-contact-cancel"
            disabled={save.running}
            onClick={() => setDraft(null)}
          >
            {t('card.edit.cancel')}
          </button>
        )}
      </span>
      <CardEditError error={save.error} testId="card-contact-error" />
    </form>
  );
}
