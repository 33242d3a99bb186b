import type { AddNoteRequest } from '@parley/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { useCardAction } from './use-card-action';

/**
 * A note on the conversation (R5): never sent to the client, shown on the timeline. The note id is
 * kept while the same text is sent again, so a retried click adds one note.
 */
export function NoteForm(props: { onAdd: (request: AddNoteRequest) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const attempt = useRef<{ text: string; noteId: string } | null>(null);
  const add = useCardAction(props.onAdd);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return;
    const noteId = attempt.current?.text === trimmed ? attempt.current.noteId : crypto.randomUUID();
    attempt.current = { text: trimmed, noteId };
    if (await add.run({ noteId, text: trimmed })) {
      attempt.current = null;
      setText('');
    }
  };

  return (
    <section className="client-card__section" data-testid="card-notes">
      <h3 className="panel-title">{t('card.notes.title')}</h3>
      <form
        className="card-form"
        data-testid="card-note-form"
        onSubmit={(event) => void onSubmit(event)}
      >
        <textarea
          className="card-edit__textarea"
          data-testid="card-note-text"
          aria-label={t('card.notes.title')}
          placeholder={t('card.notes.placeholder')}
          rows={3}
          maxLength={4000}
          value={text}
          disabled={add.running}
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="submit"
          className="button button--small"
          data-testid="card-note-add"
          disabled={add.running || text.trim() === ''}
        >
          {add.running ? t('card.edit.saving') : t('card.notes.add')}
        </button>
        <CardEditError error={add.error} testId="card-note-error" />
      </form>
    </section>
  );
}
