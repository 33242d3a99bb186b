import { saleIdFor, saleRequest, salesLines } from './sales';

describe('sales per currency', () => {
  it('given sums in minor units, then each currency as Intl writes it, by code', () => {
    const lines = salesLines(
      { USD: { sumMinor: 12550, count: 2 }, JPY: { sumMinor: 5000, count: 1 } },
      'en',
    );
    expect(lines).toEqual([
      { currency: 'JPY', sum: 'JP¥5,000', count: 1 },
      { currency: 'USD', sum: 'US$125.50', count: 2 },
    ]);
  });

  it('given Russian, then the Russian way of writing it', () => {
    const [line] = salesLines({ EUR: { sumMinor: 100050, count: 3 } }, 'ru');
    expect(line?.sum.replace(/\s/g, ' ')).toBe('1 000,50 €');
  });

  it('given no sales, then no lines', () => {
    expect(salesLines({}, 'en')).toEqual([]);
  });
});

describe('recording a sale', () => {
  const draft = { accountId: ' acc-1 ', amount: '125,5', currency: 'usd' };

  it('given a draft, then the request is trimmed, with a decimal point and the code in capitals', () => {
    expect(saleRequest(draft, 'id-1')).toEqual({
      accountId: 'acc-1',
      amount: '125.5',
      currency: 'USD',
      saleId: 'id-1',
    });
  });

  it('given the same draft sent again, then the same sale id; another draft, a new one', () => {
    let n = 0;
    const newId = () => `id-${++n}`;
    const first = saleIdFor(null, draft, newId);
    expect(first).toBe('id-1');
    const again = saleIdFor({ draft, saleId: first }, { ...draft, currency: 'USD' }, newId);
    expect(again).toBe('id-1');
    const other = saleIdFor({ draft, saleId: first }, { ...draft, amount: '200' }, newId);
    expect(other).toBe('id-2');
  });
});
