import { patternProblem, safePattern, PATTERN_MAX_LENGTH } from './safe-pattern';

describe('an admin’s regular expression', () => {
  it('given a pattern that hangs a backtracking engine, then it answers at once on a long text', () => {
    const evil = safePattern('(a+)+$');
    // V8 takes exponential time on this; RE2 takes linear time. Asserted by the answer, not a clock.
    expect(evil.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(evil.test('aaa')).toBe(true);
  });

  it('given mixed case and another script, then it matches whatever the case', () => {
    expect(safePattern('price|цена').test('Какая ЦЕНА?')).toBe(true);
    expect(safePattern('^order #\\d+$').test('ORDER #123')).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['(?<=a)b', /not a regular expression RE2 accepts/],
    ['(a', /not a regular expression RE2 accepts/],
    ['x'.repeat(PATTERN_MAX_LENGTH + 1), /longer than 500/],
  ])('given %j, then it is refused with the reason', (pattern, reason) => {
    expect(patternProblem(pattern)).toMatch(reason);
    expect(() => safePattern(pattern)).toThrow(reason);
  });
});
