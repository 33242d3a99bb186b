import { useState } from 'react';
import type { MessageVersion } from '@parley/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { MessageContentView } from './MessageContentView';

/**
 * An edited message's marker (C5): "edited", and a toggle that shows the versions it had before,
 * oldest first, each with the time it was written.
 */
export function EditedMarker(props: {
  editedAt: string;
  earlierVersions: readonly MessageVersion[];
}) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const count = props.earlierVersions.length;
  return (
    <div className="bubble__edited" data-testid="edited-marker">
      <span
        className="bubble__edited-label"
        title={t('message.edited.at', { time: formatDateTime(props.editedAt, language) })}
      >
        {t('message.edited')}
      </span>
      {count > 0 && (
        <button
          type="button"
          className="link-button"
          data-testid="toggle-versions"
          aria-expanded={open}
          onClick={() => setOpen((shown) => !shown)}
        >
          {open ? t('message.versions.hide') : t('message.versions.show', { count: String(count) })}
        </button>
      )}
      {open && (
        <ol
          className="bubble__versions"
          data-testid="earlier-versions"
          aria-label={t('message.versions.title')}
        >
          {props.earlierVersions.map((version, i) => (
            <li key={i} className="bubble__version">
              <MessageContentView content={version.content} />
              <time dateTime={version.at}>{formatDateTime(version.at, language)}</time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
