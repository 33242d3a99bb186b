import type {
  AssistantSettingsRequest,
  TranslationProviderName,
  TranslationSettingsRequest,
} from '@parley/contracts';
import type { TranslationMessageKey } from '../i18n/translation-en';
import { LANGUAGE_CODE, TRANSLATION_PROVIDERS_SHOWN } from '../translation/translation-constants';

/** The provider picker's entries: none (translation off), then each provider. */
export type ProviderChoice = 'none' | TranslationProviderName;
export const PROVIDER_CHOICES: readonly ProviderChoice[] = ['none', ...TRANSLATION_PROVIDERS_SHOWN];

export const providerChoice = (provider: TranslationProviderName | null): ProviderChoice =>
  provider ?? 'none';

export const providerLabelKey = (choice: ProviderChoice): TranslationMessageKey =>
  `admin.translation.provider.${choice}`;

/** `PUT /api/translation/settings`: null for none; the team language as a code. */
export const translationSettingsRequest = (
  choice: ProviderChoice,
  teamLanguage: string,
): TranslationSettingsRequest | null =>
  LANGUAGE_CODE.test(teamLanguage)
    ? { provider: choice === 'none' ? null : choice, teamLanguage }
    : null;

/** The assistant form as typed: the key is write-only, empty unless the admin types one. */
export interface AssistantForm {
  readonly endpoint: string;
  readonly model: string;
  readonly apiKey: string;
}

export const EMPTY_ASSISTANT_FORM: AssistantForm = { endpoint: '', model: '', apiKey: '' };

/** What stops the form from being saved: an endpoint that is not an http(s) address, no model. */
export const assistantProblem = (form: AssistantForm): 'endpoint' | 'model' | null => {
  try {
    const url = new URL(form.endpoint.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'endpoint';
  } catch {
    return 'endpoint';
  }
  return form.model.trim() === '' ? 'model' : null;
};

/**
 * `PUT /api/translation/assistant`: the form trimmed; an empty key is left out (a server without
 * one). Saving replaces what is stored, the key included.
 */
export const assistantRequest = (form: AssistantForm): AssistantSettingsRequest => {
  const apiKey = form.apiKey.trim();
  return {
    endpoint: form.endpoint.trim(),
    model: form.model.trim(),
    ...(apiKey === '' ? {} : { apiKey }),
  };
};
