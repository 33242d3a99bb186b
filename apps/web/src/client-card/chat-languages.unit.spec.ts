import {
  automaticLanguage,
  choiceLanguage,
  choiceValue,
  languagesRequest,
  NO_CHAT_LANGUAGES,
} from './chat-languages';

describe('the chat’s languages on the card (C2)', () => {
  const chosen = { detected: 'es', client: 'pt', team: null };

  it('given "Automatic", then null both ways', () => {
    expect(choiceValue(null)).toBe('');
    expect(choiceLanguage('')).toBeNull();
    expect(choiceValue('de')).toBe('de');
    expect(choiceLanguage('de')).toBe('de');
  });

  it('given a change of one language, then the request keeps the other as it is', () => {
    expect(languagesRequest(chosen, 'team', 'ru')).toEqual({
      clientLanguage: 'pt',
      teamLanguage: 'ru',
    });
    expect(languagesRequest(chosen, 'client', '')).toEqual({
      clientLanguage: null,
      teamLanguage: null,
    });
  });

  it('given automatic, then the detected language for the client’s, the workspace’s for the team’s', () => {
    expect(automaticLanguage('client', chosen, 'en')).toBe('es');
    expect(automaticLanguage('team', chosen, 'en')).toBe('en');
    expect(automaticLanguage('client', NO_CHAT_LANGUAGES, 'en')).toBeNull();
    expect(automaticLanguage('team', NO_CHAT_LANGUAGES, undefined)).toBeNull();
  });
});
