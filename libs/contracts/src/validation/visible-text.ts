import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Control characters (C0, DEL, C1) other than tab, line feed and carriage return. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A character that shows something: not white space, not a control or format character
 * (zero-width space, joiners, BOM, bidi marks), not a default-ignorable one (variation selectors,
 * Hangul fillers, tags) and not the blank braille pattern.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\u2800\p{Cs}]/u;

/**
 * Why `text` cannot be a person's text, or null when it can. Pure: the gateway's requests and
 * anything else that takes text typed by a person use it through @IsVisibleText.
 */
export const visibleTextProblem = (text: string): string | null => {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (CONTROL.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain unpaired surrogates';
  if (!VISIBLE.test(text)) return 'must contain a visible character';
  return null;
};

/**
 * class-validator rule: a string that a person could have written and another can see: no NUL or
 * other control characters, no unpaired surrogates, not only white space or invisible characters.
 * The message names the property and the reason (`text must not contain NUL characters`).
 */
export const IsVisibleText =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isVisibleText',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !visibleTextProblem(value),
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          const problem =
            typeof value === 'string' ? visibleTextProblem(value) : 'must be a string';
          return `${args?.property ?? 'text'} ${problem ?? 'must be visible text'}`;
        },
      },
    });
  };
