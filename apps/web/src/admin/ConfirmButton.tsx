import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** A change that cannot be undone: the first click asks `question`, Yes does it, Cancel not. */
export function ConfirmButton(props: {
  label: string;
  question: string;
  testId: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid={props.testId}
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={props.question}>
      <span className="confirm__question">{props.question}</span>
      <button
        type="button"
        className="button button--danger button--small"
        data-testid={`${props.testId}-confirm`}
        disabled={props.disabled}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {t('admin.confirm.yes')}
      </button>
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid={`${props.testId}-cancel`}
        onClick={() => setAsking(false)}
      >
        {t('admin.cancel')}
      </button>
    </span>
  );
}
