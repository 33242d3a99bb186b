import type { RecordSaleRequest } from '@parley/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { saleIdFor, saleRequest, type SaleDraft } from './sales';
import { useCardAction } from './use-card-action';

const EMPTY: SaleDraft = { accountId: '', amount: '', currency: '' };

/**
 * A manual sale (R6): account id, amount (a decimal string) and currency (ISO 4217). The sale id
 * is chosen here and kept while the same sale is sent again, so a retried click records one sale.
 */
export function SaleForm(props: {
  defaultAccountId: string;
  onRecord: (request: RecordSaleRequest) => Promise<void>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<SaleDraft>({ ...EMPTY, accountId: props.defaultAccountId });
  const attempt = useRef<{ draft: SaleDraft; saleId: string } | null>(null);
  const record = useCardAction(props.onRecord);
  const complete =
    draft.accountId.trim() !== '' && draft.amount.trim() !== '' && draft.currency.trim() !== '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saleId = saleIdFor(attempt.current, draft, () => crypto.randomUUID());
    attempt.current = { draft, saleId };
    if (await record.run(saleRequest(draft, saleId))) {
      attempt.current = null;
      setDraft({ ...EMPTY, accountId: draft.accountId.trim() });
    }
  };

  const field = (name: keyof SaleDraft) => ({
    value: draft[name],
    disabled: record.running,
    onChange: (event: { target: { value: string } }) =>
      setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <form
      className="card-form"
      data-testid="card-sale-form"
      onSubmit={(event) => void onSubmit(event)}
    >
      <label className="card-form__row">
        <span className="card-form__label">{t('card.sales.accountId')}</span>
        <input
          className="card-edit__input"
          data-testid="card-sale-account"
          maxLength={100}
          {...field('accountId')}
        />
      </label>
      <label className="card-form__row">
        <span className="card-form__label">{t('card.sales.amount')}</span>
        <input
          className="card-edit__input"
          data-testid="card-sale-amount"
          inputMode="decimal"
          placeholder="125.50"
          maxLength={20}
          {...field('amount')}
        />
      </label>
      <label className="card-form__row">
        <span className="card-form__label">{t('card.sales.currency')}</span>
        <input
          className="card-edit__input"
          data-testid="card-sale-currency"
          placeholder="USD"
          maxLength={3}
          {...field('currency')}
        />
      </label>
      <button
        type="submit"
        className="button button--small"
        data-testid="card-sale-record"
        disabled={record.running || !complete}
      >
        {record.running ? t('card.edit.saving') : t('card.sales.record')}
      </button>
      <CardEditError error={record.error} testId="card-sale-error" />
    </form>
  );
}
