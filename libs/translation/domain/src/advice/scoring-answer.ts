import { cutText } from './prompt-budget';

/** What AI scoring gives the manager: a summary and, when the model named one, the next step. */
export interface ScoringAnswer {
  readonly summary: string;
  readonly nextStep: string | null;
  /** `json`: the model answered the object asked for; `text`: its whole answer is the summary. */
  readonly format: 'json' | 'text';
}

/** Longer parts are cut: a timeline event is not the place for an essay. */
export const MAX_SCORING_PART_CHARS = 2_000;

const FENCED = /```[a-zA-Z]*[ \t]*\n?([\s\S]*?)```/;

/**
 * Reads the model's answer to `scoringPrompt`. Models wrap JSON in a fenced block or put a
 * sentence before it, so the object is looked for between the first `{` and the last `}`
 * (inside a fence when there is one), and `next_step` is taken for `nextStep`. Anything else,
 * an object without a summary included, is kept whole as the summary rather than lost.
 * Undefined when the model said nothing.
 */
export const parseScoringAnswer = (answer: string): ScoringAnswer | undefined => {
  const whole = answer.trim();
  if (whole === '') return undefined;
  const parsed = jsonObjectIn(FENCED.exec(whole)?.[1] ?? whole);
  const summary = textOf(parsed?.['summary']);
  if (parsed && summary) {
    const nextStep = textOf(parsed['nextStep']) ?? textOf(parsed['next_step']);
    return {
      summary: cutText(summary, MAX_SCORING_PART_CHARS),
      nextStep: nextStep === undefined ? null : cutText(nextStep, MAX_SCORING_PART_CHARS),
      format: 'json',
    };
  }
  return { summary: cutText(whole, MAX_SCORING_PART_CHARS), nextStep: null, format: 'text' };
};

const jsonObjectIn = (text: string): Record<string, unknown> | undefined => {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    const value: unknown = JSON.parse(text.slice(start, end + 1));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/** A non-empty string, trimmed; undefined for anything else. */
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
