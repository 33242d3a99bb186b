import { normalizeLanguageCode } from './language-code';

describe('normalizeLanguageCode', () => {
  it.each([
    ['en', 'en'],
    ['RU', 'ru'],
    ['pt-BR', 'pt'],
    ['pt-br', 'pt'],
    ['zh-hans', 'zh'],
    ['zh_TW', 'zh'],
    [' es ', 'es'],
    ['iw', 'he'],
    ['in', 'id'],
    ['rus', 'ru'],
    ['fil', 'tl'],
  ])('given the tag %p, then the code is %p', (tag, code) => {
    expect(normalizeLanguageCode(tag)).toBe(code);
  });

  it.each([[''], ['und'], ['auto'], ['x-klingon'], ['ber'], ['1a'], [null], [undefined]])(
    'given %p, then there is no language',
    (tag) => {
      expect(normalizeLanguageCode(tag)).toBeNull();
    },
  );
});
