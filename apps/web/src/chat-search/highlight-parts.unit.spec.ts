import { highlightParts } from './highlight-parts';

const joined = (parts: ReturnType<typeof highlightParts>) => parts.map((p) => p.text).join('');

describe('a search hit’s snippet with its matches marked (L2)', () => {
  it('given ranges, then plain and marked pieces that join back into the snippet', () => {
    const parts = highlightParts('What is the price of delivery?', [
      [12, 17],
      [21, 29],
    ]);
    expect(parts).toEqual([
      { text: 'What is the ', marked: false },
      { text: 'price', marked: true },
      { text: ' of ', marked: false },
      { text: 'delivery', marked: true },
      { text: '?', marked: false },
    ]);
  });

  it('given no ranges, then the snippet plain; given the whole, then all marked', () => {
    expect(highlightParts('Anna', [])).toEqual([{ text: 'Anna', marked: false }]);
    expect(highlightParts('Anna', [[0, 4]])).toEqual([{ text: 'Anna', marked: true }]);
    expect(highlightParts('', [[0, 3]])).toEqual([]);
  });

  it('given unsorted, overlapping, touching, empty and out-of-range ranges, then merged and clamped', () => {
    const snippet = 'доставка в Москву';
    const parts = highlightParts(snippet, [
      [11, 40],
      [0, 4],
      [2, 8],
      [8, 8],
      [-5, 1],
      [9, 7],
    ]);
    expect(parts).toEqual([
      { text: 'доставка', marked: true },
      { text: ' в ', marked: false },
      { text: 'Москву', marked: true },
    ]);
    expect(joined(parts)).toBe(snippet);
  });

  it('treats markup in a snippet as text', () => {
    expect(joined(highlightParts('<b>hi</b>', [[3, 5]]))).toBe('<b>hi</b>');
  });
});
