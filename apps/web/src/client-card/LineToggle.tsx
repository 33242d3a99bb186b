import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { useCardAction } from './use-card-action';

const LINES = [1, 2] as const;

/** The deal's line (R3): first or second, one pressed. */
export function LineToggle(props: { line: 1 | 2; onChange: (line: 1 | 2) => Promise<void> }) {
  const { t } = useI18n();
  const change = useCardAction(props.onChange);
  return (
    <div className="card-edit">
      <span className="line-toggle" role="group" aria-label={t('card.field.line')}>
        {LINES.map((line) => (
          <button
            key={line}
            type="button"
            className="line-toggle__option"
            data-testid={`card-line-${line}`}
            aria-pressed={props.line === line}
            disabled={change.running || props.line === line}
            onClick={() => void change.run(line)}
          >
            {t('card.value.line', { line })}
          </button>
        ))}
      </span>
      <CardEditError error={change.error} testId="card-line-error" />
    </div>
  );
}
