/** The translation service (issue 12): its module, options and streams; its adapters. */
export { TranslationServiceModule } from './translation-service.module';
export type { TranslationCacheOption, TranslationServiceOptions } from './options';
export { TranslationConfig, translationOptionsFromConfig } from './config/translation.config';
export {
  conversationTranslationStream,
  draftStream,
  translationSettingsStream,
} from './translation-streams';
export {
  CHAT_COMPLETION_PROVIDER,
  type ChatCompletion,
  type ChatCompletionProvider,
  type ChatCompletionRequest,
  type ChatCompletionUsage,
} from './chat-completion/chat-completion.port';
export {
  ChatCompletionFailed,
  isRetryableChatCompletionFailure,
  type ChatCompletionFailureReason,
} from './chat-completion/chat-completion-failure';
export {
  OpenAiCompatibleChatCompletion,
  type OpenAiCompatibleChatCompletionOptions,
} from './chat-completion/openai-compatible/openai-compatible-chat-completion';
export { DEMO_MODEL, DemoChatCompletion } from './chat-completion/demo/demo-chat-completion';
export {
  describeChatCompletionSettings,
  validateChatCompletionSettings,
  type ChatCompletionSettings,
  type SettingsIssue,
  type SettingsValidation,
} from './settings/chat-completion-settings';
export {
  openChatCompletionSettings,
  sealChatCompletionSettings,
} from './settings/sealed-chat-completion-settings';
export type { LanguageDetector } from './detection/language-detector.port';
export {
  DEFAULT_DETECTED_LANGUAGES,
  TinyldLanguageDetector,
  type TinyldLanguageDetectorOptions,
} from './detection/tinyld-language-detector';
export type {
  TranslatedText,
  TranslationProvider,
  TranslationRequest,
} from './providers/translation-provider.port';
export { TranslationProviderError } from './providers/translation-provider-error';
export {
  GoogleTranslationProvider,
  type GoogleCredentials,
  type GoogleTranslationProviderOptions,
} from './providers/google/google-translation-provider';
export {
  LibreTranslateProvider,
  type LibreTranslateProviderOptions,
} from './providers/libretranslate/libretranslate-provider';
export {
  DEFAULT_TRANSLATION_TTL_MS,
  type CachedTranslation,
  type TranslationCache,
} from './cache/translation-cache.port';
export {
  InMemoryTranslationCache,
  type InMemoryTranslationCacheOptions,
} from './cache/in-memory/in-memory-translation-cache';
export {
  RedisTranslationCache,
  type RedisTranslationCacheOptions,
} from './cache/redis/redis-translation-cache';
export {
  CachingTranslator,
  type CachingTranslatorOptions,
  type TranslationOutcome,
} from './cache/caching-translator';
