import type { TimelineNote } from '@parley/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';

/** A manager's note (R5) on the timeline: its own style, never a message bubble. */
export function NoteCard(props: { note: TimelineNote; at: string }) {
  const { t, language } = useI18n();
  return (
    <div className="timeline__row timeline__row--note" data-testid="timeline-item" data-kind="note">
      <div className="note-card">
        <span className="note-card__label">{t('timeline.note')}</span>
        <p className="note-card__text">{props.note.text}</p>
        <time className="note-card__time" dateTime={props.at}>
          {formatDateTime(props.at, language)}
        </time>
      </div>
    </div>
  );
}
