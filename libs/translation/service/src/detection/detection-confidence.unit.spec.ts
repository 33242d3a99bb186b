import { confidentLanguage, distinctLetterCount } from './detection-confidence';

describe('detection confidence', () => {
  it('counts the letters of distinct words only, ignoring links, mentions, digits and emoji', () => {
    expect(distinctLetterCount('lol lol LOL')).toBe(3);
    expect(distinctLetterCount('see https://x.io/abc @bob #tag 123 👍')).toBe(3);
    expect(distinctLetterCount('Привет мир')).toBe(9);
  });

  const longEnough = 'long enough text';

  it('given a clear best guess, then it is kept', () => {
    expect(
      confidentLanguage(longEnough, [
        { lang: 'ru', accuracy: 0.21 },
        { lang: 'uk', accuracy: 0.16 },
      ]),
    ).toBe('ru');
    expect(confidentLanguage(longEnough, [{ lang: 'en', accuracy: 1 }])).toBe('en');
  });

  it('given a runner-up within 5 %, then it is unsure', () => {
    expect(
      confidentLanguage(longEnough, [
        { lang: 'sr', accuracy: 0.188 },
        { lang: 'bg', accuracy: 0.187 },
      ]),
    ).toBeNull();
  });

  it('given a best guess scoring under 0.05, or no guess, then it is unsure', () => {
    expect(confidentLanguage(longEnough, [{ lang: 'pt', accuracy: 0.04 }])).toBeNull();
    expect(confidentLanguage(longEnough, [])).toBeNull();
  });

  it('given fewer than 8 letters, then it is unsure whatever the scores', () => {
    expect(confidentLanguage('Gracias', [{ lang: 'es', accuracy: 1 }])).toBeNull();
  });
});
