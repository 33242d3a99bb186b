/**
 * How much of a conversation goes into a prompt. Sizes are in characters, a stand-in for
 * tokens that needs no tokenizer per model: about 4 characters make a token in English and
 * 2 to 3 in Russian, so the default 12 000 characters stay within 3 000 to 6 000 tokens and fit
 * the 8k context of small local models with room left for the answer.
 */
export interface PromptBudget {
  /** All the prompt's characters, instructions included (they are never cut). */
  readonly maxChars: number;
  /** The newest messages considered at most. */
  readonly maxMessages: number;
  /** A message's text (and, apart, its translation) is cut to this many characters. */
  readonly maxMessageChars: number;
  /** Templates considered at most, in the order given. */
  readonly maxTemplates: number;
  /** A template's text is cut to this many characters. */
  readonly maxTemplateChars: number;
  /** The share (0..1) of the room left after instructions and card that templates may take. */
  readonly templatesShare: number;
}

export const DEFAULT_PROMPT_BUDGET: PromptBudget = {
  maxChars: 12_000,
  maxMessages: 40,
  maxMessageChars: 1_500,
  maxTemplates: 15,
  maxTemplateChars: 500,
  templatesShare: 0.3,
};

/** Marks where a text was cut, so neither the model nor a reader takes it for the whole. */
export const CUT_MARK = ' […]';

/**
 * `text` cut to at most `max` characters, the cut marked. A surrogate pair is never split, so
 * an emoji at the edge cannot leave half a character behind.
 */
export const cutText = (text: string, max: number): string => {
  if (text.length <= max) return text;
  if (max <= CUT_MARK.length) return CUT_MARK.trimStart().slice(0, Math.max(max, 0));
  let end = max - CUT_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + CUT_MARK;
};

/** Text from a profile or a card (a name, a tag) on one line: it cannot start a line of its own. */
export const singleLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
