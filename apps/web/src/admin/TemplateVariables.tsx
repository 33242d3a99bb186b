import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { ConfirmButton } from './ConfirmButton';
import { VARIABLE_VALUE_MAX, variableNameProblem } from './reply-templates';
import { variableNameHint } from './template-hints';

/**
 * The workspace's variables (B1): each with its value, to change or remove (the gateway refuses
 * to remove one a template uses); the form below adds one or sets one's value.
 */
export function TemplateVariables(props: {
  variables: readonly { name: string; value: string }[];
  busy: boolean;
  error: string | null;
  /** Resolves true when the gateway accepted the value. */
  onSet: (name: string, value: string) => Promise<boolean>;
  onRemove: (name: string) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const valueInput = useRef<HTMLInputElement>(null);
  const typedName = name.trim();
  const problem = variableNameProblem(typedName);
  const exists = props.variables.some((variable) => variable.name === typedName);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (typedName === '' || problem !== null) return;
    if (await props.onSet(typedName, value)) {
      setName('');
      setValue('');
    }
  };

  return (
    <section className="template-variables-admin" data-testid="template-variables">
      <h3 className="admin-subtitle">{t('admin.templates.variables')}</h3>
      <p className="muted template-variables-admin__intro">{t('admin.templates.variablesIntro')}</p>
      {props.variables.length === 0 ? (
        <p className="muted">{t('admin.templates.variablesEmpty')}</p>
      ) : (
        <ul className="admin-list" data-testid="variable-list">
          {props.variables.map((variable) => (
            <li
              key={variable.name}
              className="admin-row"
              data-testid="variable-row"
              data-name={variable.name}
            >
              <span className="admin-row__name variable-row__facts">
                <code className="variable-row__name">{`{${variable.name}}`}</code>
                <span className="variable-row__value" data-testid="variable-row-value">
                  {variable.value === '' ? (
                    <em className="muted">{t('admin.templates.variableEmptyValue')}</em>
                  ) : (
                    variable.value
                  )}
                </span>
              </span>
              <span className="admin-row__actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  data-testid="variable-edit"
                  aria-label={t('admin.templates.variableChangeOf', { name: variable.name })}
                  disabled={props.busy}
                  onClick={() => {
                    setName(variable.name);
                    setValue(variable.value);
                    valueInput.current?.focus();
                  }}
                >
                  {t('admin.templates.variableChange')}
                </button>
                <ConfirmButton
                  label={t('admin.templates.variableRemove')}
                  question={t('admin.templates.variableRemoveConfirm', { name: variable.name })}
                  testId="variable-remove"
                  disabled={props.busy}
                  onConfirm={() => props.onRemove(variable.name)}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="admin-form" onSubmit={(event) => void onSubmit(event)}>
        <label className="admin-field admin-field--narrow">
          <span>{t('admin.templates.variableName')}</span>
          <input
            className="admin-input"
            data-testid="variable-name"
            placeholder={t('admin.templates.variableNamePlaceholder')}
            value={name}
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="admin-field admin-field--wide">
          <span>{t('admin.templates.variableValue')}</span>
          <input
            ref={valueInput}
            className="admin-input"
            data-testid="variable-value"
            value={value}
            maxLength={VARIABLE_VALUE_MAX}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="variable-save"
          disabled={props.busy || typedName === '' || problem !== null}
        >
          {props.busy
            ? t('admin.saving')
            : exists
              ? t('admin.templates.variableChange')
              : t('admin.templates.variableAdd')}
        </button>
      </form>
      {problem !== null && (
        <p className="admin-hint admin-hint--problem" data-testid="variable-name-hint">
          {variableNameHint(problem, t)}
        </p>
      )}
      <AdminError error={props.error} testId="admin-error" />
    </section>
  );
}
