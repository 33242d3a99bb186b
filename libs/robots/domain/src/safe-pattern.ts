import { RE2JS } from 're2js';

/**
 * An admin's regular expression, run by RE2JS (the JavaScript port of RE2): matching takes time
 * linear in the text, whatever the pattern, so no pattern can hang the robots (a backtracking
 * engine takes exponential time on `(a+)+$` against a long run of `a`s). RE2 syntax: no
 * look-around or back-references; matching is case-insensitive and Unicode-aware.
 */
export interface SafePattern {
  test(text: string): boolean;
}

/** The longest pattern an admin may write. */
export const PATTERN_MAX_LENGTH = 500;

/** Why `pattern` cannot be used, or null when it can. */
export const patternProblem = (pattern: string): string | null => {
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > PATTERN_MAX_LENGTH) {
    return `the pattern is longer than ${PATTERN_MAX_LENGTH} characters`;
  }
  try {
    RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return null;
  } catch (error) {
    return `not a regular expression RE2 accepts: ${error instanceof Error ? error.message : String(error)}`;
  }
};

/** Compiles a pattern patternProblem accepted; throws on one it refuses. */
export const safePattern = (pattern: string): SafePattern => {
  const problem = patternProblem(pattern);
  if (problem !== null) throw new Error(problem);
  const compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  return { test: (text) => compiled.matcher(text).find() };
};
