import type { Tag } from '@parley/contracts';
import { useEffect, useState } from 'react';
import { TagChip } from '../client-card/TagChip';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmButton } from './ConfirmButton';

/** A catalogue tag: its chip, a colour picker (saved with a button), delete. */
export function TagRow(props: {
  tag: Tag;
  busy: boolean;
  onChangeColour: (colour: string) => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const { tag } = props;
  const [colour, setColour] = useState(tag.colour);
  useEffect(() => setColour(tag.colour), [tag.colour]);
  const changed = colour.toLowerCase() !== tag.colour.toLowerCase();

  return (
    <li className="admin-row" data-testid="admin-tag" data-tag={tag.name} data-colour={tag.colour}>
      <span className="admin-row__name">
        <TagChip name={tag.name} colour={colour} />
      </span>
      <span className="admin-row__actions">
        <input
          type="color"
          className="admin-colour"
          data-testid="admin-tag-colour"
          aria-label={t('admin.tags.colourOf', { tag: tag.name })}
          value={colour}
          disabled={props.busy}
          onChange={(event) => setColour(event.target.value)}
        />
        {changed && (
          <button
            type="button"
            className="button button--primary button--small"
            data-testid="admin-tag-colour-save"
            disabled={props.busy}
            onClick={() => props.onChangeColour(colour)}
          >
            {t('admin.tags.saveColour')}
          </button>
        )}
        <ConfirmButton
          label={t('admin.tags.delete')}
          question={t('admin.tags.deleteConfirm', { tag: tag.name })}
          testId="admin-tag-delete"
          disabled={props.busy}
          onConfirm={props.onDelete}
        />
      </span>
    </li>
  );
}
