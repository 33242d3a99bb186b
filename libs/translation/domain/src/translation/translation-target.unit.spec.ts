import {
  translationForClient,
  translationForTeam,
  type ConversationLanguages,
  type ReaderLanguages,
} from './translation-target';

const client = (languages: Partial<ConversationLanguages>): ConversationLanguages => ({
  message: null,
  conversation: null,
  clientProfile: null,
  ...languages,
});
const reader = (languages: Partial<ReaderLanguages>): ReaderLanguages => ({
  chatOverride: null,
  manager: null,
  workspace: null,
  ...languages,
});

describe('translationForTeam (C2)', () => {
  it('given a Spanish message and a Russian workspace, then it is translated from es into ru', () => {
    expect(translationForTeam(client({ message: 'es' }), reader({ workspace: 'ru' }))).toEqual({
      kind: 'translate',
      from: 'es',
      to: 'ru',
    });
  });

  it("given a manager's language, then it wins over the workspace default", () => {
    expect(
      translationForTeam(client({ message: 'es' }), reader({ manager: 'en', workspace: 'ru' })),
    ).toEqual({ kind: 'translate', from: 'es', to: 'en' });
  });

  it("given a per-chat override, then it wins over the manager's and the workspace's language", () => {
    expect(
      translationForTeam(
        client({ message: 'es' }),
        reader({ chatOverride: 'de', manager: 'en', workspace: 'ru' }),
      ),
    ).toEqual({ kind: 'translate', from: 'es', to: 'de' });
  });

  it('given a message in the language the team reads, then it is kept', () => {
    expect(
      translationForTeam(
        client({ message: 'ru' }),
        reader({ chatOverride: 'ru', workspace: 'en' }),
      ),
    ).toEqual({ kind: 'keep', why: 'same_language' });
  });

  it("given a message with no detected language, then the conversation's language, then the client's profile stands for it", () => {
    const team = reader({ workspace: 'en' });
    expect(translationForTeam(client({ conversation: 'ru', clientProfile: 'uk' }), team)).toEqual({
      kind: 'translate',
      from: 'ru',
      to: 'en',
    });
    expect(translationForTeam(client({ clientProfile: 'uk' }), team)).toEqual({
      kind: 'translate',
      from: 'uk',
      to: 'en',
    });
  });

  it('given nothing that says the language of the message, then it is kept, as unknown', () => {
    expect(translationForTeam(client({}), reader({ workspace: 'en' }))).toEqual({
      kind: 'keep',
      why: 'language_unknown',
    });
  });

  it('given no language on the team side, then it is kept, for want of a target', () => {
    expect(translationForTeam(client({ message: 'es' }), reader({}))).toEqual({
      kind: 'keep',
      why: 'no_target',
    });
  });
});

describe('translationForClient', () => {
  it("given a Spanish client and a team reading Russian, then a manager's text goes from ru into es", () => {
    expect(
      translationForClient(client({ conversation: 'es' }), reader({ workspace: 'ru' })),
    ).toEqual({ kind: 'translate', from: 'ru', to: 'es' });
  });

  it('given a client writing the language the team reads, then it is kept', () => {
    expect(translationForClient(client({ message: 'ru' }), reader({ manager: 'ru' }))).toEqual({
      kind: 'keep',
      why: 'same_language',
    });
  });

  it('given a client whose language is unknown, then there is no target', () => {
    expect(translationForClient(client({}), reader({ workspace: 'ru' }))).toEqual({
      kind: 'keep',
      why: 'no_target',
    });
  });
});
