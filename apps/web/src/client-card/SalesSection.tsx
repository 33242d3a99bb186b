import type { ClientCard, RecordSaleRequest } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { SaleForm } from './SaleForm';
import { salesLines } from './sales';

/** The client's sales per currency (R6) and the form recording a manual sale. */
export function SalesSection(props: {
  contact: NonNullable<ClientCard['contact']>;
  onRecord: (request: RecordSaleRequest) => Promise<void>;
}) {
  const { t, language } = useI18n();
  const lines = salesLines(props.contact.salesByCurrency, language);
  return (
    <section className="client-card__section" data-testid="card-sales">
      <h3 className="panel-title">{t('card.sales.title')}</h3>
      {lines.length === 0 ? (
        <p className="panel-note" data-testid="card-sales-none">
          {t('card.sales.none')}
        </p>
      ) : (
        <ul className="card-list">
          {lines.map((line) => (
            <li
              key={line.currency}
              className="card-list__item"
              data-testid="card-sales-line"
              data-currency={line.currency}
            >
              <strong>{line.sum}</strong>{' '}
              <span className="muted">{t('card.sales.count', { count: line.count })}</span>
            </li>
          ))}
        </ul>
      )}
      <SaleForm defaultAccountId={props.contact.accountId ?? ''} onRecord={props.onRecord} />
    </section>
  );
}
