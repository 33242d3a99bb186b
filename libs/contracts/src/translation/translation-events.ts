import type { DomainEvent } from '../envelope/event-envelope';

/**
 * The translation context's events (issue 12: C2, B4, B5, B7). Streams:
 * - `translation-{conversationId}`: what was detected and translated of a conversation's
 *   messages, the chat's language choices, and its AI scorings;
 * - `translation-{workspaceId}:settings`: the workspace's provider, team language and AI
 *   assistant;
 * - `translation-{workspaceId}:draft:{draftId}`: one answer to a draft request (a preview of an
 *   outgoing translation, or an AI reply draft), read back by the gateway that asked.
 */

/** `ws1:settings`: the workspace's translation settings aggregate id. */
export const translationSettingsKey = (workspaceId: string): string => `${workspaceId}:settings`;

/** `ws1:draft:<draftId>`: one draft request's aggregate id. */
export const translationDraftKey = (workspaceId: string, draftId: string): string =>
  `${workspaceId}:draft:${draftId}`;

/** Who translates: Google Cloud Translation, a LibreTranslate server, or nobody. */
export const TRANSLATION_PROVIDERS = ['google', 'libretranslate'] as const;
export type TranslationProviderName = (typeof TRANSLATION_PROVIDERS)[number];

/** Why a translation or an AI answer did not come, in words the UI can show. */
export const TRANSLATION_FAILURE_REASONS = [
  'not_configured',
  'quota_exceeded',
  'rate_limited',
  'unavailable',
  'timeout',
  'invalid_credentials',
  'unsupported_language',
  'bad_request',
  'model_not_found',
  'bad_response',
] as const;
export type TranslationFailureCode = (typeof TRANSLATION_FAILURE_REASONS)[number];

/** The language of a client message, detected offline from its text (C2). */
export type LanguageDetected = DomainEvent<
  'Translation.LanguageDetected',
  { readonly conversationId: string; readonly messageId: string; readonly language: string }
>;

/** A client message in the team's language (C2): shown beside the original. */
export type MessageTranslated = DomainEvent<
  'Translation.MessageTranslated',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly from: string;
    readonly to: string;
    readonly text: string;
    readonly provider: TranslationProviderName;
  }
>;

/**
 * A client message could not be translated: a visible state on the message, retryable when
 * `retryable` (the message itself is kept and shown as it is).
 */
export type MessageTranslationFailed = DomainEvent<
  'Translation.MessageTranslationFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly to: string;
    readonly reason: TranslationFailureCode;
    readonly retryable: boolean;
    readonly detail: string;
  }
>;

/**
 * A manager chose the chat's languages (C2): the client's (null: as detected) and the one the
 * team reads it in (null: the workspace's).
 */
export type ConversationLanguagesChosen = DomainEvent<
  'Translation.ConversationLanguagesChosen',
  {
    readonly conversationId: string;
    readonly clientLanguage: string | null;
    readonly teamLanguage: string | null;
  }
>;

/** An AI summary of the conversation and the next step it recommends (B7): on the timeline. */
export type ConversationScored = DomainEvent<
  'Translation.ConversationScored',
  {
    readonly conversationId: string;
    readonly summary: string;
    readonly nextStep: string | null;
    readonly model: string;
    /** The labelled demo provider answered, not a real model. */
    readonly demo: boolean;
    readonly scoredAt: string;
  }
>;

/** An AI scoring asked for could not be made: the reason, on the timeline. */
export type ConversationScoringFailed = DomainEvent<
  'Translation.ConversationScoringFailed',
  {
    readonly conversationId: string;
    readonly reason: TranslationFailureCode;
    readonly retryable: boolean;
    readonly detail: string;
  }
>;

/** An admin chose the workspace's translation provider and the team's language (C2). */
export type TranslationSettingsChanged = DomainEvent<
  'Translation.SettingsChanged',
  {
    readonly provider: TranslationProviderName | null;
    readonly teamLanguage: string;
    readonly changedBy: string;
  }
>;

/**
 * An admin set the AI assistant (B5, B7): endpoint, model and key sealed together (AES-256-GCM
 * with the service's key), never in clear at rest; null when removed. `model` is also in clear:
 * every answer names it anyway.
 */
export type AssistantConfigured = DomainEvent<
  'Translation.AssistantConfigured',
  {
    readonly sealed: string | null;
    readonly model: string | null;
    readonly configuredBy: string;
  }
>;

/** A manager's draft in the client's language, to edit before sending (B4). */
export type DraftTranslated = DomainEvent<
  'Translation.DraftTranslated',
  {
    readonly draftId: string;
    readonly conversationId: string;
    readonly original: string;
    readonly from: string;
    readonly to: string;
    readonly text: string;
    readonly provider: TranslationProviderName;
  }
>;

/** An AI reply draft in the manager's language (B5): never sent by itself. */
export type ReplyDrafted = DomainEvent<
  'Translation.ReplyDrafted',
  {
    readonly draftId: string;
    readonly conversationId: string;
    readonly text: string;
    readonly language: string;
    readonly model: string;
    readonly demo: boolean;
  }
>;

/** A draft request (translation or advice) had no answer: why. */
export type DraftFailed = DomainEvent<
  'Translation.DraftFailed',
  {
    readonly draftId: string;
    readonly conversationId: string;
    readonly request: 'translation' | 'advice';
    readonly reason: TranslationFailureCode;
    readonly retryable: boolean;
    readonly detail: string;
  }
>;

export type ConversationTranslationEvent =
  | LanguageDetected
  | MessageTranslated
  | MessageTranslationFailed
  | ConversationLanguagesChosen
  | ConversationScored
  | ConversationScoringFailed;
export type TranslationSettingsEvent = TranslationSettingsChanged | AssistantConfigured;
export type DraftEvent = DraftTranslated | ReplyDrafted | DraftFailed;
export type TranslationEvent = ConversationTranslationEvent | TranslationSettingsEvent | DraftEvent;
