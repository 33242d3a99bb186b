/**
 * Money of a manual sale (R6). Amounts travel as decimal strings (`"1250.50"`), never as
 * floating-point numbers, and are summed in minor units (integers: cents, or yen for JPY).
 */

/** ISO 4217 currency codes Node's ICU knows (`Intl.supportedValuesOf('currency')`). */
export const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (value: unknown): value is string =>
  typeof value === 'string' && CURRENCIES.has(value);

/** Digits after the decimal point of a currency: USD 2, JPY 0, BHD 3. */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/** A positive amount: up to 12 digits, then at most 3 after a point. */
const AMOUNT = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

/**
 * Why `amount` is not an amount of `currency`, or null when it is: a positive decimal string
 * with at most the currency's minor digits.
 */
export const amountProblem = (amount: unknown, currency: unknown): string | null => {
  if (typeof amount !== 'string') return 'amount must be a decimal string such as "125.50"';
  const match = AMOUNT.exec(amount);
  if (!match)
    return 'amount must be a decimal string such as "125.50", at most 12 digits before the point';
  if (isCurrency(currency) && (match[2]?.length ?? 0) > minorDigits(currency)) {
    return `amount has more decimals than ${currency} has (${minorDigits(currency)})`;
  }
  if (/^0*(\.0*)?$/.test(amount)) return 'amount must be more than zero';
  return null;
};

/** `"125.5"` in USD → 12550. The amount must have passed `amountProblem`. */
export const toMinorUnits = (amount: string, currency: string): number => {
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
};

/** The amount as the currency writes it: `"125.5"` in USD → `"125.50"`. */
export const normalizedAmount = (amount: string, currency: string): string => {
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = amount.split('.');
  const integer = String(Number(whole));
  return digits === 0 ? integer : `${integer}.${fraction.padEnd(digits, '0')}`;
};
