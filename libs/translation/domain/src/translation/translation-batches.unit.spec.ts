import { splitIntoBatches } from './translation-batches';

describe('splitIntoBatches', () => {
  it('given no texts, then no batches', () => {
    expect(splitIntoBatches([], { maxTexts: 128, maxChars: 5000 })).toEqual([]);
  });

  it("given 300 short texts and Google's 128 segments, then 128 + 128 + 44, in order", () => {
    const texts = Array.from({ length: 300 }, (_, i) => `text ${i}`);
    const batches = splitIntoBatches(texts, { maxTexts: 128, maxChars: 100_000 });
    expect(batches.map((b) => b.length)).toEqual([128, 128, 44]);
    expect(batches.flat()).toEqual(texts.map((_, i) => i));
  });

  it('given texts over the character budget, then a batch closes before the text that would pass it', () => {
    const texts = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(30), 'd'.repeat(10)];
    expect(splitIntoBatches(texts, { maxTexts: 10, maxChars: 100 })).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('given a text longer than the budget, then it goes alone in its batch', () => {
    const texts = ['short', 'x'.repeat(150), 'short again'];
    expect(splitIntoBatches(texts, { maxTexts: 10, maxChars: 100 })).toEqual([[0], [1], [2]]);
  });

  it('given limits below one, then it refuses them', () => {
    expect(() => splitIntoBatches(['a'], { maxTexts: 0, maxChars: 10 })).toThrow(RangeError);
  });
});
