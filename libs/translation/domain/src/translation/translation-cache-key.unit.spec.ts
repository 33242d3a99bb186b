import { translationCacheKey } from './translation-cache-key';

describe('translationCacheKey', () => {
  it('given the same provider, target and text, then the key is the same', () => {
    expect(translationCacheKey('google', 'en', 'Привет')).toBe(
      translationCacheKey('google', 'en', 'Привет'),
    );
  });

  it('given another provider, target or text, then the key differs', () => {
    const key = translationCacheKey('google', 'en', 'Привет');
    expect(
      new Set([
        key,
        translationCacheKey('libretranslate', 'en', 'Привет'),
        translationCacheKey('google', 'es', 'Привет'),
        translationCacheKey('google', 'en', 'Привет!'),
        translationCacheKey('google', 'en', 'привет'),
      ]).size,
    ).toBe(5);
  });

  it('names provider and target in clear and keeps the text out of the key', () => {
    const text = 'my card number is 4111 1111 1111 1111';
    const key = translationCacheKey('google', 'en', text);
    expect(key).toMatch(/^translation:v1:google:en:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('4111');
  });
});
