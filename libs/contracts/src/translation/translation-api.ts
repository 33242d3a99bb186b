import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { LANGUAGE_CODE_PATTERN, TRANSLATION_TEXT_MAX } from './translation-event-definitions';
import {
  TRANSLATION_PROVIDERS,
  type TranslationFailureCode,
  type TranslationProviderName,
} from './translation-events';

/**
 * The gateway's translation and AI routes (issue 12; listed in gateway-api.ts's header). Bodies
 * are validated with a 400 naming the field; unknown fields are refused.
 */

/** `PUT /api/translation/settings` (admin): the provider (null: none) and the team's language. */
export class TranslationSettingsRequest {
  @ValidateIf((o: TranslationSettingsRequest) => o.provider !== null)
  @IsIn(TRANSLATION_PROVIDERS, {
    message: `provider must be one of ${TRANSLATION_PROVIDERS.join(', ')}, or null`,
  })
  provider!: TranslationProviderName | null;
  @Matches(LANGUAGE_CODE_PATTERN, { message: 'teamLanguage must be a language code such as en' })
  teamLanguage!: string;
}

/**
 * `PUT /api/translation/assistant` (admin): the OpenAI-compatible endpoint (`https://…/v1`), the
 * model and the key (null or absent for a local server without one). `DELETE` removes it.
 */
export class AssistantSettingsRequest {
  @IsString() @Length(1, 2000) endpoint!: string;
  @IsString() @Length(1, 200) model!: string;
  @IsOptional()
  @ValidateIf((o: AssistantSettingsRequest) => o.apiKey !== null)
  @IsString()
  @Length(1, 2000)
  apiKey?: string | null;
}

/** `PUT /api/chats/:conversationId/languages`: the chat's own languages; null is automatic. */
export class ConversationLanguagesRequest {
  @ValidateIf((o: ConversationLanguagesRequest) => o.clientLanguage !== null)
  @Matches(LANGUAGE_CODE_PATTERN, { message: 'clientLanguage must be a language code, or null' })
  clientLanguage!: string | null;
  @ValidateIf((o: ConversationLanguagesRequest) => o.teamLanguage !== null)
  @Matches(LANGUAGE_CODE_PATTERN, { message: 'teamLanguage must be a language code, or null' })
  teamLanguage!: string | null;
}

/** `POST /api/chats/:conversationId/translation-preview`: the manager's draft (B4). */
export class DraftTranslationRequest {
  @IsString() @IsNotEmpty() @MaxLength(TRANSLATION_TEXT_MAX) text!: string;
}

/**
 * `POST /api/chats/:conversationId/advice` (B5) and `POST .../score` (B7): in `language` (the
 * manager's interface language), else the team's.
 */
export class AssistantRequest {
  @IsOptional()
  @Matches(LANGUAGE_CODE_PATTERN, { message: 'language must be a language code such as ru' })
  language?: string;
}

/** The answer of `translation-preview`: the draft in the client's language, to edit and send. */
export interface DraftTranslation {
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly provider: TranslationProviderName;
}

/** The answer of `advice`: a reply draft in the manager's language; never sent by itself. */
export interface ReplyAdvice {
  readonly text: string;
  readonly language: string;
  readonly model: string;
  readonly demo: boolean;
}

/** A draft request that got no answer (422 or 503 with this body's `reason`). */
export interface DraftFailure {
  readonly reason: TranslationFailureCode;
  readonly retryable: boolean;
  readonly message: string;
}

/** `GET /api/translation/settings`: what every user may read of them (no key, no endpoint). */
export interface TranslationSettingsView {
  /** null: no provider, translation is off (the UI says where to turn it on). */
  readonly provider: TranslationProviderName | null;
  readonly teamLanguage: string;
  readonly assistant: { readonly configured: boolean; readonly model: string | null };
}

/** The read model of each workspace's translation settings, written by the projector. */
export const TRANSLATION_SETTINGS_COLLECTION = 'translation_settings';

/** The team's language when an admin has not chosen one. */
export const DEFAULT_TEAM_LANGUAGE = 'en';

/**
 * A message's translation as the timeline shows it (C2, B4), beside its item: a client
 * message's translation into the team's language, or why there is none; a manager's message
 * sent in translation keeps what they wrote (`original`).
 */
export type TimelineTranslation =
  | {
      readonly status: 'translated';
      readonly text: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly status: 'original';
      /** What the manager wrote, in their language, before it was translated for the client. */
      readonly text: string;
      readonly language: string;
    }
  | {
      readonly status: 'failed';
      readonly to: string;
      readonly reason: TranslationFailureCode;
      readonly retryable: boolean;
    };
