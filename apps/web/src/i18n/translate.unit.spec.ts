import { en } from './en';
import { ru } from './ru';
import { languageFromLocale, otherLanguage, translate, translatorFor } from './translate';

describe('translate', () => {
  it('given a key, when looked up in each language, then returns that language’s text', () => {
    expect(translate('en', 'signIn.submit')).toBe('Sign in');
    expect(translate('ru', 'signIn.submit')).toBe('Войти');
  });

  it('given placeholders, when params are passed, then fills them and leaves unknown ones', () => {
    expect(translate('en', 'chatList.unread', { count: 3 })).toBe('3 unread');
    expect(translate('ru', 'card.value.line', { line: 2 })).toBe('Линия 2');
    expect(translate('en', 'error.unknown')).toBe('Something went wrong ({status}).');
  });

  it('given the dictionaries, then Russian has a non-empty text for every English key', () => {
    const missing = Object.keys(en).filter(
      (key) => (ru as Record<string, string>)[key]?.trim() === '' || !(key in ru),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('given a translator for a language, then it translates in that language', () => {
    expect(translatorFor('ru')('reply.send')).toBe('Отправить');
  });

  it('given the toggle, then it flips between the two languages', () => {
    expect(otherLanguage('en')).toBe('ru');
    expect(otherLanguage('ru')).toBe('en');
  });

  it('given a browser locale, then Russian locales pick ru and the rest en', () => {
    expect(languageFromLocale('ru-RU')).toBe('ru');
    expect(languageFromLocale('RU')).toBe('ru');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('de')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});
