import {
  DEFAULT_TEAM_LANGUAGE,
  LANGUAGE_CODE_PATTERN,
  TRANSLATION_FAILURE_REASONS,
  TRANSLATION_PROVIDERS,
} from '@parley/contracts';
import {
  DEFAULT_TEAM_LANGUAGE_SHOWN,
  isTranslationFailureCode,
  LANGUAGE_CODE,
  TRANSLATION_FAILURE_REASONS_SHOWN,
  TRANSLATION_PROVIDERS_SHOWN,
} from './translation-constants';

describe('translation constants copied from the contracts (issue 12)', () => {
  it('given the contracts, then the copies hold the same values in the same order', () => {
    expect(TRANSLATION_PROVIDERS_SHOWN).toEqual(TRANSLATION_PROVIDERS);
    expect(TRANSLATION_FAILURE_REASONS_SHOWN).toEqual(TRANSLATION_FAILURE_REASONS);
    expect(DEFAULT_TEAM_LANGUAGE_SHOWN).toBe(DEFAULT_TEAM_LANGUAGE);
    expect(LANGUAGE_CODE.source).toBe(LANGUAGE_CODE_PATTERN.source);
  });

  it('given a value, then only the contracts’ reasons are failure codes', () => {
    expect(isTranslationFailureCode('quota_exceeded')).toBe(true);
    expect(isTranslationFailureCode('exploded')).toBe(false);
    expect(isTranslationFailureCode(undefined)).toBe(false);
  });
});
