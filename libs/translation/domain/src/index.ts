/** Language detection, translation and AI reply advice (issue 12): pure rules. */
export {};
export type { ChatMessage } from './advice/chat-message';
export type {
  AdviceInput,
  ClientCardForPrompt,
  MessageForPrompt,
  ScoringInput,
  TemplateForPrompt,
} from './advice/prompt-input';
export { DEFAULT_PROMPT_BUDGET, type PromptBudget } from './advice/prompt-budget';
export { replyLanguage, type ReplyLanguage } from './advice/reply-language';
export { advicePrompt } from './advice/advice-prompt';
export { scoringPrompt } from './advice/scoring-prompt';
export { parseAdviceAnswer } from './advice/advice-answer';
export { parseScoringAnswer, type ScoringAnswer } from './advice/scoring-answer';
export { normalizeLanguageCode, type LanguageCode } from './translation/language-code';
export {
  clientLanguage,
  readerLanguage,
  translationForClient,
  translationForTeam,
  type ConversationLanguages,
  type ReaderLanguages,
  type TranslationDecision,
} from './translation/translation-target';
export { translationCacheKey } from './translation/translation-cache-key';
export { splitIntoBatches, type BatchLimits } from './translation/translation-batches';
export {
  failsEveryBatch,
  isRetryableFailure,
  type TranslationFailureReason,
} from './translation/translation-failure';
export {
  conversationTranslationDecider,
  messageTranslation,
  type ChosenLanguages,
  type ConversationTranslationCommand,
  type ConversationTranslationDecidedEvent,
  type ConversationTranslationState,
  type MessageTranslationState,
  type MessageTranslationStatus,
} from './aggregates/conversation-translation-decider';
export {
  translationSettingsDecider,
  type AssistantState,
  type TranslationSettingsCommand,
  type TranslationSettingsDecidedEvent,
  type TranslationSettingsState,
} from './aggregates/translation-settings-decider';
export {
  draftDecider,
  type DraftCommand,
  type DraftDecidedEvent,
  type DraftState,
} from './aggregates/draft-decider';
