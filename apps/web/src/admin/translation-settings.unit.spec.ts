import {
  assistantProblem,
  assistantRequest,
  PROVIDER_CHOICES,
  providerChoice,
  providerLabelKey,
  translationSettingsRequest,
} from './translation-settings';
import { translatorFor } from '../i18n/translate';

describe('Admin → Translation (issue 12)', () => {
  it('given the providers, then none first, each with a name in both languages', () => {
    expect(PROVIDER_CHOICES).toEqual(['none', 'google', 'libretranslate']);
    for (const language of ['en', 'ru'] as const) {
      const names = PROVIDER_CHOICES.map((choice) =>
        translatorFor(language)(providerLabelKey(choice)),
      );
      expect(new Set(names).size).toBe(PROVIDER_CHOICES.length);
    }
  });

  it('given no provider, then "none", and none is sent as null', () => {
    expect(providerChoice(null)).toBe('none');
    expect(providerChoice('google')).toBe('google');
    expect(translationSettingsRequest('none', 'ru')).toEqual({
      provider: null,
      teamLanguage: 'ru',
    });
    expect(translationSettingsRequest('libretranslate', 'en')).toEqual({
      provider: 'libretranslate',
      teamLanguage: 'en',
    });
  });

  it('given a team language that is not a code, then no request', () => {
    expect(translationSettingsRequest('google', 'English')).toBeNull();
  });

  it('given the assistant form, then an http(s) endpoint and a model are needed', () => {
    expect(assistantProblem({ endpoint: 'ftp://x/v1', model: 'm', apiKey: '' })).toBe('endpoint');
    expect(assistantProblem({ endpoint: 'not a url', model: 'm', apiKey: '' })).toBe('endpoint');
    expect(
      assistantProblem({ endpoint: 'https://api.example.com/v1', model: ' ', apiKey: '' }),
    ).toBe('model');
    expect(
      assistantProblem({ endpoint: 'http://127.0.0.1:11434/v1', model: 'llama3', apiKey: '' }),
    ).toBeNull();
  });

  it('given a key, then it is sent; given none, then the request has no key at all', () => {
    expect(
      assistantRequest({
        endpoint: ' https://api.example.com/v1 ',
        model: ' gpt-4o ',
        apiKey: ' sk-1 ',
      }),
    ).toEqual({ endpoint: 'https://api.example.com/v1', model: 'gpt-4o', apiKey: 'sk-1' });
    expect(assistantRequest({ endpoint: 'http://h/v1', model: 'm', apiKey: '' })).toEqual({
      endpoint: 'http://h/v1',
      model: 'm',
    });
  });
});
