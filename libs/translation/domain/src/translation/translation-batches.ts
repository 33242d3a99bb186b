/**
 * What one provider request may carry: Google's v2 API takes at most 128 segments and
 * recommends at most 5,000 characters per request; a LibreTranslate server has its own batch and
 * character limits (`--batch-limit`, `--char-limit`).
 */
export interface BatchLimits {
  readonly maxTexts: number;
  readonly maxChars: number;
}

/**
 * Texts cut into provider requests, in order: each batch holds at most `maxTexts` texts and at
 * most `maxChars` characters (counted in UTF-16 code units, as both providers' limits are). A
 * text longer than `maxChars` alone goes in a batch of its own: the provider decides whether it
 * takes it. Returns the indexes into `texts`, so callers put answers back in input order.
 */
export const splitIntoBatches = (texts: readonly string[], limits: BatchLimits): number[][] => {
  if (limits.maxTexts < 1 || limits.maxChars < 1) {
    throw new RangeError(`batch limits must be positive: ${JSON.stringify(limits)}`);
  }
  const batches: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  texts.forEach((text, index) => {
    const full = current.length >= limits.maxTexts || chars + text.length > limits.maxChars;
    if (current.length > 0 && full) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(index);
    chars += text.length;
  });
  if (current.length > 0) batches.push(current);
  return batches;
};
