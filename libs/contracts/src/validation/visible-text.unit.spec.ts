import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { IsVisibleText, visibleTextProblem } from './visible-text';

class Note {
  @IsVisibleText() text!: unknown;
}

const reasonsFor = (text: unknown): string[] => {
  const note = new Note();
  note.text = text;
  return validateSync(note).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('visible text', () => {
  it.each([
    ['plain words', 'Hello, how much is it?'],
    ['Cyrillic', 'Привет'],
    ['an emoji made of a surrogate pair', '👍'],
    ['a ZWJ emoji sequence', '👩‍💻'],
    ['text with tabs and new lines around it', '\t line one\r\nline two \n'],
    ['a single visible character among spaces', '   .   '],
    ['a combining mark on a letter', 'e\u0301'],
  ])('Given %s, When checked, Then it is accepted', (_name, text) => {
    expect(visibleTextProblem(text)).toBeNull();
    expect(reasonsFor(text)).toEqual([]);
  });

  it.each([
    ['a NUL in the middle', 'hi\u0000there', 'text must not contain NUL characters'],
    ['a bell character', 'ring\u0007', 'text must not contain control characters'],
    ['DEL', 'x\u007F', 'text must not contain control characters'],
    ['a C1 control', 'x\u0085', 'text must not contain control characters'],
    ['a lone high surrogate', 'a\uD83D', 'text must not contain unpaired surrogates'],
    ['a lone low surrogate', '\uDC4Db', 'text must not contain unpaired surrogates'],
    ['two swapped halves of a pair', '\uDC4D\uD83D', 'text must not contain unpaired surrogates'],
    ['the empty string', '', 'text must contain a visible character'],
    ['spaces only', '     ', 'text must contain a visible character'],
    ['new lines and tabs only', '\n\t\r\n', 'text must contain a visible character'],
    [
      'no-break and ideographic spaces',
      '\u00A0\u3000\u2007',
      'text must contain a visible character',
    ],
    [
      'zero-width characters',
      '\u200B\u200C\u200D\u2060\uFEFF',
      'text must contain a visible character',
    ],
    ['bidi marks', '\u200E\u200F\u202E', 'text must contain a visible character'],
    ['Hangul fillers', '\u3164\u115F\uFFA0', 'text must contain a visible character'],
    ['a blank braille pattern', '\u2800\u2800', 'text must contain a visible character'],
    ['variation selectors', '\uFE0F\uFE0E', 'text must contain a visible character'],
  ])('Given %s, When checked, Then it is refused with the reason', (_name, text, reason) => {
    expect(reasonsFor(text)).toEqual([reason]);
  });

  it('Given a value that is not a string, When checked, Then it is refused', () => {
    expect(reasonsFor(42)).toEqual(['text must be a string']);
  });

  it('Given any text with a letter or digit and no control character or lone surrogate, Then it is accepted', () => {
    const noControls = fc
      .string({ unit: 'grapheme' })
      .filter((s) => !/(?![\t\n\r])\p{Cc}/u.test(s));
    fc.assert(
      fc.property(noControls, fc.constantFrom('a', 'Я', '7', '漢'), noControls, (a, b, c) => {
        expect(visibleTextProblem(a + b + c)).toBeNull();
      }),
      { seed: 7 },
    );
  });

  it('Given any text with a NUL in it, Then it is refused for the NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(visibleTextProblem(`${a}\u0000${b}`)).toBe('must not contain NUL characters');
      }),
      { seed: 7 },
    );
  });

  it('Given any text with a lone surrogate and no control character, Then it is refused for the surrogate', () => {
    const safe = fc
      .string({ unit: 'grapheme' })
      .filter((s) => visibleTextProblem(`x${s}`) === null);
    fc.assert(
      fc.property(safe, fc.integer({ min: 0xd800, max: 0xdfff }), safe, (a, code, b) => {
        const text = `${a}x${String.fromCharCode(code)}x${b}`;
        expect(visibleTextProblem(text)).toBe('must not contain unpaired surrogates');
      }),
      { seed: 7 },
    );
  });
});
