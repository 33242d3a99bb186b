import type { ClientCard, TagCatalogue } from '@parley/contracts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { tagChips, tagSuggestions, tagToAdd } from './card-editing';
import { TagChip } from './TagChip';
import { useCardAction } from './use-card-action';

/** The contact's tags as coloured chips, each removable, and an input to add one (R1). */
export function TagEditor(props: {
  conversationId: string;
  contact: NonNullable<ClientCard['contact']>;
  catalogue: TagCatalogue | undefined;
  onAdd: (name: string) => Promise<void>;
  onRemove: (name: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const add = useCardAction(props.onAdd);
  const remove = useCardAction(props.onRemove);
  const [removing, setRemoving] = useState<string | null>(null);
  const chips = tagChips(props.contact, props.catalogue);
  const suggestions = tagSuggestions(props.catalogue, typed, props.contact.tags);
  const listId = `tag-suggestions-${props.conversationId}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const name = tagToAdd(props.catalogue, typed, props.contact.tags);
    if (name === null) {
      setTyped('');
      return;
    }
    if (await add.run(name)) setTyped('');
  };

  const onRemove = async (name: string) => {
    setRemoving(name);
    await remove.run(name);
    setRemoving(null);
  };

  return (
    <div className="tag-editor">
      {chips.length > 0 ? (
        <span className="chips">
          {chips.map((tag) => (
            <TagChip key={tag.name} name={tag.name} colour={tag.colour}>
              <button
                type="button"
                className="chip__remove"
                data-testid="card-tag-remove"
                aria-label={t('card.tags.remove', { tag: tag.name })}
                title={t('card.tags.remove', { tag: tag.name })}
                disabled={remove.running}
                onClick={() => void onRemove(tag.name)}
              >
                {removing === tag.name ? '…' : '×'}
              </button>
            </TagChip>
          ))}
        </span>
      ) : (
        <span className="muted">{t('card.value.none')}</span>
      )}
      <CardEditError error={remove.error} testId="card-tag-remove-error" />
      <form className="tag-editor__add" onSubmit={(event) => void onSubmit(event)}>
        <input
          className="card-edit__input"
          data-testid="card-tag-input"
          aria-label={t('card.tags.add')}
          placeholder={t('card.tags.placeholder')}
          list={listId}
          value={typed}
          disabled={add.running}
          maxLength={100}
          onChange={(event) => setTyped(event.target.value)}
        />
        <datalist id={listId}>
          {suggestions.map((tag) => (
            <option key={tag.name} value={tag.name} />
          ))}
        </datalist>
        <button
          type="submit"
          className="button button--ghost button--small"
          data-testid="card-tag-add"
          disabled={add.running || typed.trim() === ''}
        >
          {add.running ? t('card.edit.saving') : t('card.tags.addButton')}
        </button>
      </form>
      <CardEditError error={add.error} testId="card-tag-error" />
    </div>
  );
}
