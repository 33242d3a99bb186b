import { LANGUAGE_CHOICES, languageName, languageOptions } from './language-names';

describe('language names (C2)', () => {
  it('given a code, then its name in the interface’s language, capitalised', () => {
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('es', 'ru')).toBe('Испанский');
    expect(languageName('ru', 'en')).toBe('Russian');
  });

  it('given a code Intl does not know or cannot parse, then the code itself', () => {
    expect(languageName('qqq', 'en')).toBe('qqq');
    expect(languageName('not a code', 'en')).toBe('not a code');
  });

  it('given the interface language, then the options are sorted by their shown name', () => {
    const names = languageOptions('en').map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(languageOptions('en')).toHaveLength(LANGUAGE_CHOICES.length);
  });

  it('given a current language outside the common list, then it is offered once', () => {
    const options = languageOptions('en', ['eo', 'en', null, undefined]);
    expect(options.filter((option) => option.code === 'eo')).toEqual([
      { code: 'eo', name: 'Esperanto' },
    ]);
    expect(options.filter((option) => option.code === 'en')).toHaveLength(1);
  });
});
