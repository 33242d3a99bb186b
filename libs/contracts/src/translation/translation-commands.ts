import {
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import type { ActorRole } from '../crm/crm-commands';
import { LANGUAGE_CODE_PATTERN, TRANSLATION_TEXT_MAX } from './translation-event-definitions';
import { TRANSLATION_PROVIDERS, type TranslationProviderName } from './translation-events';

/** The translation service's commands topic: `parley.translation.commands`. */
export const TRANSLATION_SERVICE = 'translation';

const ROLES: readonly ActorRole[] = ['admin', 'manager'];

/** Command `ChangeTranslationSettings` (C2): an admin's choice of provider and team language. */
export interface ChangeTranslationSettingsData {
  readonly provider: TranslationProviderName | null;
  readonly teamLanguage: string;
  readonly actorRole: ActorRole;
}

export class ChangeTranslationSettingsDataDto implements ChangeTranslationSettingsData {
  @ValidateIf((o: ChangeTranslationSettingsDataDto) => o.provider !== null)
  @IsIn(TRANSLATION_PROVIDERS)
  provider!: TranslationProviderName | null;
  @Matches(LANGUAGE_CODE_PATTERN) teamLanguage!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

/**
 * The context the gateway seals an assistant's API key for in `ConfigureAssistant`, and the
 * translation service opens it with: a sealed key copied into another workspace's command
 * does not open.
 */
export const assistantKeySealContext = (workspaceId: string): string =>
  `workspace:${workspaceId}:configure-assistant:api-key`;

/**
 * Command `ConfigureAssistant` (B5, B7): an admin sets the OpenAI-compatible endpoint, model and
 * key, or removes the assistant (`endpoint` null). The key never travels in clear: the gateway
 * seals it (AES-256-GCM under PARLEY_SECRET_KEY, for `assistantKeySealContext`) before the
 * command goes on the bus; the service opens it, then seals the settings whole to store them.
 */
export interface ConfigureAssistantData {
  readonly endpoint: string | null;
  readonly model: string | null;
  /** The API key sealed by the gateway; null: none (a local server without one). */
  readonly sealedApiKey: string | null;
  readonly actorRole: ActorRole;
}

export class ConfigureAssistantDataDto implements ConfigureAssistantData {
  @ValidateIf((o: ConfigureAssistantDataDto) => o.endpoint !== null)
  @IsString()
  @Length(1, 2000)
  endpoint!: string | null;
  @ValidateIf((o: ConfigureAssistantDataDto) => o.model !== null)
  @IsString()
  @Length(1, 200)
  model!: string | null;
  @ValidateIf((o: ConfigureAssistantDataDto) => o.sealedApiKey !== null)
  @IsString()
  @Matches(/^v\d+\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/, { message: 'must be a sealed value' })
  @Length(1, 4000)
  sealedApiKey!: string | null;
  @IsIn(ROLES) actorRole!: ActorRole;
}

/** Command `ChooseConversationLanguages` (C2): the chat's own languages; null is automatic. */
export interface ChooseConversationLanguagesData {
  readonly conversationId: string;
  readonly clientLanguage: string | null;
  readonly teamLanguage: string | null;
}

export class ChooseConversationLanguagesDataDto implements ChooseConversationLanguagesData {
  @IsString() @Length(1, 200) conversationId!: string;
  @ValidateIf((o: ChooseConversationLanguagesDataDto) => o.clientLanguage !== null)
  @Matches(LANGUAGE_CODE_PATTERN)
  clientLanguage!: string | null;
  @ValidateIf((o: ChooseConversationLanguagesDataDto) => o.teamLanguage !== null)
  @Matches(LANGUAGE_CODE_PATTERN)
  teamLanguage!: string | null;
}

/** Command `RetryTranslation`: translate a client message again after a failure. */
export interface RetryTranslationData {
  readonly conversationId: string;
  readonly messageId: string;
}

export class RetryTranslationDataDto implements RetryTranslationData {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @Length(1, 200) messageId!: string;
}

/**
 * Command `TranslateDraft` (B4): the manager's text into the client's language, answered on the
 * draft's stream (`Translation.DraftTranslated` or `.DraftFailed`).
 */
export interface TranslateDraftData {
  readonly draftId: string;
  readonly conversationId: string;
  readonly text: string;
}

export class TranslateDraftDataDto implements TranslateDraftData {
  @IsUUID() draftId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() @MaxLength(TRANSLATION_TEXT_MAX) text!: string;
}

/** Command `DraftReply` (B5): an AI reply draft in the manager's language, on the draft's stream. */
export interface DraftReplyData {
  readonly draftId: string;
  readonly conversationId: string;
  /** The asking manager's language (their interface's), when the team's is not wanted. */
  readonly language: string | null;
}

export class DraftReplyDataDto implements DraftReplyData {
  @IsUUID() draftId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @ValidateIf((o: DraftReplyDataDto) => o.language !== null)
  @Matches(LANGUAGE_CODE_PATTERN)
  language!: string | null;
}

/** Command `ScoreConversation` (B7): summary and next step, as an event on the timeline. */
export interface ScoreConversationData {
  readonly conversationId: string;
  readonly language: string | null;
}

export class ScoreConversationDataDto implements ScoreConversationData {
  @IsString() @Length(1, 200) conversationId!: string;
  @ValidateIf((o: ScoreConversationDataDto) => o.language !== null)
  @Matches(LANGUAGE_CODE_PATTERN)
  language!: string | null;
}
