import { deciderSpecification } from '@parley/decider';
import { draftDecider, type DraftCommand, type DraftDecidedEvent } from './draft-decider';

const spec = deciderSpecification(draftDecider);
const ids = { draftId: 'd-1', conversationId: 'ws1:tg:111:100' };
const translate: DraftCommand = {
  kind: 'RecordDraftTranslation',
  ...ids,
  original: 'Здравствуйте',
  from: 'ru',
  to: 'es',
  text: '[es] Здравствуйте',
  provider: 'libretranslate',
};
const translated: DraftDecidedEvent = {
  type: 'Translation.DraftTranslated',
  data: {
    ...ids,
    original: 'Здравствуйте',
    from: 'ru',
    to: 'es',
    text: '[es] Здравствуйте',
    provider: 'libretranslate',
  },
};
const fail: DraftCommand = {
  kind: 'RecordDraftFailure',
  ...ids,
  request: 'advice',
  reason: 'not_configured',
  retryable: false,
  detail: 'No AI assistant is configured.',
};

describe('a draft request (B4, B5)', () => {
  it('given no answer, when the translation comes, then it is the draft’s answer', () => {
    spec.given([]).when(translate).then([translated]);
  });

  it('given an answer, when a second one comes for the same draft id, then nothing happens', () => {
    spec.given([translated]).when(translate).thenNothingHappened();
    spec.given([translated]).when(fail).thenNothingHappened();
  });

  it('given no answer, when a reply is drafted or the request fails, then that is recorded', () => {
    spec
      .given([])
      .when({
        kind: 'RecordReplyDraft',
        ...ids,
        text: 'Hola',
        language: 'ru',
        model: 'parley-demo',
        demo: true,
      })
      .then([
        {
          type: 'Translation.ReplyDrafted',
          data: { ...ids, text: 'Hola', language: 'ru', model: 'parley-demo', demo: true },
        },
      ]);
    const { kind: _kind, ...data } = fail as Extract<DraftCommand, { kind: 'RecordDraftFailure' }>;
    spec
      .given([])
      .when(fail)
      .then([{ type: 'Translation.DraftFailed', data }]);
  });
});
