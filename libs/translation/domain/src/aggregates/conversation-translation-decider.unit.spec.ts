import { deciderSpecification, foldEvents } from '@parley/decider';
import {
  conversationTranslationDecider,
  messageTranslation,
  type ConversationTranslationCommand,
  type ConversationTranslationDecidedEvent,
} from './conversation-translation-decider';

const spec = deciderSpecification(conversationTranslationDecider);
const conversationId = 'ws1:tg:111:100';
const messageId = 'm-1';

const detect: ConversationTranslationCommand = {
  kind: 'RecordDetection',
  conversationId,
  messageId,
  language: 'es',
};
const detected: ConversationTranslationDecidedEvent = {
  type: 'Translation.LanguageDetected',
  data: { conversationId, messageId, language: 'es' },
};
const translate: ConversationTranslationCommand = {
  kind: 'RecordTranslation',
  conversationId,
  messageId,
  from: 'es',
  to: 'ru',
  text: '[ru] Hola',
  provider: 'libretranslate',
};
const translated: ConversationTranslationDecidedEvent = {
  type: 'Translation.MessageTranslated',
  data: {
    conversationId,
    messageId,
    from: 'es',
    to: 'ru',
    text: '[ru] Hola',
    provider: 'libretranslate',
  },
};
const fail: ConversationTranslationCommand = {
  kind: 'RecordTranslationFailure',
  conversationId,
  messageId,
  to: 'ru',
  reason: 'unavailable',
  retryable: true,
  detail: 'libretranslate: unavailable',
};
const failed: ConversationTranslationDecidedEvent = {
  type: 'Translation.MessageTranslationFailed',
  data: {
    conversationId,
    messageId,
    to: 'ru',
    reason: 'unavailable',
    retryable: true,
    detail: 'libretranslate: unavailable',
  },
};

describe('a conversation’s translations (C2)', () => {
  it('given nothing, when a detection is recorded, then the language is detected once', () => {
    spec.given([]).when(detect).then([detected]);
    spec.given([detected]).when(detect).thenNothingHappened();
  });

  it('given a message translated, when the same translation comes again, then nothing happens', () => {
    spec.given([detected]).when(translate).then([translated]);
    spec.given([detected, translated]).when(translate).thenNothingHappened();
  });

  it('given a message translated, when a failure comes for it, then nothing happens', () => {
    spec.given([translated]).when(fail).thenNothingHappened();
  });

  it('given a failure, when it repeats for the same reason, then nothing; another reason is recorded', () => {
    spec.given([failed]).when(fail).thenNothingHappened();
    spec
      .given([failed])
      .when({ ...fail, reason: 'timeout' } as ConversationTranslationCommand)
      .then([{ ...failed, data: { ...failed.data, reason: 'timeout' } }]);
  });

  it('given a failure, when a retry translated it, then the translation is recorded', () => {
    spec.given([detected, failed]).when(translate).then([translated]);
  });

  it('given a translation into ru, when the chat is read in en now, then the new translation is recorded', () => {
    spec
      .given([translated])
      .when({ ...translate, to: 'en', text: '[en] Hola' } as ConversationTranslationCommand)
      .then([{ ...translated, data: { ...translated.data, to: 'en', text: '[en] Hola' } }]);
  });

  it('given chosen languages, when the same are chosen, then nothing; others are recorded', () => {
    const choose: ConversationTranslationCommand = {
      kind: 'ChooseLanguages',
      conversationId,
      clientLanguage: 'es',
      teamLanguage: null,
    };
    const chosen: ConversationTranslationDecidedEvent = {
      type: 'Translation.ConversationLanguagesChosen',
      data: { conversationId, clientLanguage: 'es', teamLanguage: null },
    };
    spec.given([]).when(choose).then([chosen]);
    spec.given([chosen]).when(choose).thenNothingHappened();
    spec
      .given([])
      .when({ ...choose, clientLanguage: null })
      .thenNothingHappened();
  });

  it('given scorings, when another is asked for, then each is recorded (each is its own request)', () => {
    const score: ConversationTranslationCommand = {
      kind: 'RecordScoring',
      conversationId,
      summary: 'Wants prices.',
      nextStep: 'Send the offer.',
      model: 'gpt-4o-mini',
      demo: false,
      scoredAt: '2026-12-03T10:00:00.000Z',
    };
    const { kind: _kind, ...data } = score;
    const scored: ConversationTranslationDecidedEvent = {
      type: 'Translation.ConversationScored',
      data,
    };
    spec.given([scored]).when(score).then([scored]);
    spec
      .given([])
      .when({
        kind: 'RecordScoringFailure',
        conversationId,
        reason: 'not_configured',
        retryable: false,
        detail: 'no assistant',
      })
      .then([
        {
          type: 'Translation.ConversationScoringFailed',
          data: {
            conversationId,
            reason: 'not_configured',
            retryable: false,
            detail: 'no assistant',
          },
        },
      ]);
  });

  it('keeps the last detected client language, the chosen languages and each message’s state', () => {
    const state = foldEvents(conversationTranslationDecider, [
      detected,
      failed,
      {
        type: 'Translation.LanguageDetected',
        data: { conversationId, messageId: 'm-2', language: 'pt' },
      },
      {
        type: 'Translation.ConversationLanguagesChosen',
        data: { conversationId, clientLanguage: null, teamLanguage: 'de' },
      },
    ]);

    expect(state.lastDetected).toBe('pt');
    expect(state.chosen).toEqual({ clientLanguage: null, teamLanguage: 'de' });
    expect(messageTranslation(state, messageId)).toEqual({
      detected: 'es',
      translation: { status: 'failed', to: 'ru', reason: 'unavailable', retryable: true },
    });
    expect(messageTranslation(state, 'unknown')).toEqual({
      detected: null,
      translation: { status: 'untranslated' },
    });
  });
});
