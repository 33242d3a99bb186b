import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { CardField } from './card-fields';

/**
 * Label/value rows; each value carries data-testid="card-field-<name>". A field named in
 * `editors` shows its editor instead of its value.
 */
export function CardFieldList(props: {
  fields: readonly CardField[];
  editors?: Readonly<Record<string, ReactNode>>;
}) {
  const { t } = useI18n();
  return (
    <dl className="card-fields">
      {props.fields.map((field) => (
        <div className="card-fields__row" key={field.name}>
          <dt>{t(field.label)}</dt>
          <dd data-testid={`card-field-${field.name}`}>
            {props.editors?.[field.name] ??
              (field.chips && field.chips.length > 0 ? (
                <span className="chips">
                  {field.chips.map((chip) => (
                    <span className="chip" key={chip}>
                      {chip}
                    </span>
                  ))}
                </span>
              ) : (
                field.value
              ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
