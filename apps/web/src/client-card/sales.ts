import type { ClientCard, RecordSaleRequest } from '@parley/contracts';
import { localeOf, type Language } from '../i18n/translate';

/** One line of the card's sales (R6): a currency's sum as Intl writes it, and its count. */
export interface SalesLine {
  readonly currency: string;
  readonly sum: string;
  readonly count: number;
}

/** Sales per currency, by currency code; sums arrive in minor units (cents, yen). */
export const salesLines = (
  sales: NonNullable<ClientCard['contact']>['salesByCurrency'],
  language: Language,
): readonly SalesLine[] =>
  Object.entries(sales)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { sumMinor, count }]) => {
      const locale = localeOf(language);
      try {
        const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
        return { currency, sum: format.format(sumMinor / 10 ** digits), count };
      } catch {
        // A code this browser's Intl does not know: the number in minor units and the code.
        return {
          currency,
          sum: `${new Intl.NumberFormat(locale).format(sumMinor)} ${currency}`,
          count,
        };
      }
    });

/** What the sale form holds while a manager types. */
export interface SaleDraft {
  readonly accountId: string;
  readonly amount: string;
  readonly currency: string;
}

/** The request for a draft: trimmed, a decimal comma as a point, the currency in capitals. */
export const saleRequest = (draft: SaleDraft, saleId: string): RecordSaleRequest => ({
  accountId: draft.accountId.trim(),
  amount: draft.amount.trim().replace(',', '.'),
  currency: draft.currency.trim().toUpperCase(),
  saleId,
});

/**
 * The sale id for a submit: the previous attempt's when the same draft is sent again (a retried
 * click after a failure or a timeout records one sale), a new one otherwise.
 */
export const saleIdFor = (
  previous: { readonly draft: SaleDraft; readonly saleId: string } | null,
  draft: SaleDraft,
  newId: () => string,
): string => {
  if (previous === null) return newId();
  const same = saleRequest(previous.draft, '');
  const now = saleRequest(draft, '');
  return same.accountId === now.accountId &&
    same.amount === now.amount &&
    same.currency === now.currency
    ? previous.saleId
    : newId();
};
