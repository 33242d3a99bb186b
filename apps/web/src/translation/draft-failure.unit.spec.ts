import { ApiError } from '../api/api-error';
import { translatorFor } from '../i18n/translate';
import { TRANSLATION_FAILURE_REASONS_SHOWN } from './translation-constants';
import { draftFailureText } from './draft-failure';
import { failureReasonKey } from './failure-reasons';

describe('failure reasons in plain words (issue 12)', () => {
  const en = translatorFor('en');
  const ru = translatorFor('ru');

  it('given every reason, then a distinct sentence in each language', () => {
    const english = TRANSLATION_FAILURE_REASONS_SHOWN.map((reason) => en(failureReasonKey(reason)));
    const russian = TRANSLATION_FAILURE_REASONS_SHOWN.map((reason) => ru(failureReasonKey(reason)));
    expect(new Set(english).size).toBe(TRANSLATION_FAILURE_REASONS_SHOWN.length);
    expect(new Set(russian).size).toBe(TRANSLATION_FAILURE_REASONS_SHOWN.length);
    expect(english.every((text, i) => text !== russian[i])).toBe(true);
  });

  it('given a refused draft with a known reason, then the UI’s words for it', () => {
    const error = new ApiError(503, 'LibreTranslate: 429 Too many requests', [], 'quota_exceeded');
    expect(draftFailureText(error, en)).toBe(en('translation.failure.quota_exceeded'));
  });

  it('given another failure, then the gateway’s message or the status', () => {
    expect(draftFailureText(new ApiError(400, 'text must not be empty'), en)).toBe(
      'text must not be empty',
    );
    expect(draftFailureText(new ApiError(503, null, [], 'gremlins'), en)).toBe(
      'Something went wrong (503).',
    );
  });
});
