import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import type { EventDefinition } from '../upcasting/event-catalog';
import {
  TRANSLATION_FAILURE_REASONS,
  TRANSLATION_PROVIDERS,
  type AssistantConfigured,
  type ConversationLanguagesChosen,
  type ConversationScored,
  type ConversationScoringFailed,
  type DraftFailed,
  type DraftTranslated,
  type LanguageDetected,
  type MessageTranslated,
  type MessageTranslationFailed,
  type ReplyDrafted,
  type TranslationFailureCode,
  type TranslationProviderName,
  type TranslationSettingsChanged,
} from './translation-events';

type DataOf<E extends { readonly data: object }> = E['data'];

/** A language code as Parley keeps it: ISO 639-1 (two letters), or a three-letter code. */
export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}$/;
/** The longest text a translation or a draft carries: Telegram's message length. */
export const TRANSLATION_TEXT_MAX = 4096;
const DETAIL_MAX = 1000;

export class LanguageDetectedDataDto implements DataOf<LanguageDetected> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @Length(1, 200) messageId!: string;
  @Matches(LANGUAGE_CODE_PATTERN) language!: string;
}

export class MessageTranslatedDataDto implements DataOf<MessageTranslated> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @Length(1, 200) messageId!: string;
  @Matches(LANGUAGE_CODE_PATTERN) from!: string;
  @Matches(LANGUAGE_CODE_PATTERN) to!: string;
  @IsString() @MaxLength(TRANSLATION_TEXT_MAX * 2) text!: string;
  @IsIn(TRANSLATION_PROVIDERS) provider!: TranslationProviderName;
}

export class MessageTranslationFailedDataDto implements DataOf<MessageTranslationFailed> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @Length(1, 200) messageId!: string;
  @Matches(LANGUAGE_CODE_PATTERN) to!: string;
  @IsIn(TRANSLATION_FAILURE_REASONS) reason!: TranslationFailureCode;
  @IsBoolean() retryable!: boolean;
  @IsString() @MaxLength(DETAIL_MAX) detail!: string;
}

export class ConversationLanguagesChosenDataDto implements DataOf<ConversationLanguagesChosen> {
  @IsString() @Length(1, 200) conversationId!: string;
  @ValidateIf((o: ConversationLanguagesChosenDataDto) => o.clientLanguage !== null)
  @Matches(LANGUAGE_CODE_PATTERN)
  clientLanguage!: string | null;
  @ValidateIf((o: ConversationLanguagesChosenDataDto) => o.teamLanguage !== null)
  @Matches(LANGUAGE_CODE_PATTERN)
  teamLanguage!: string | null;
}

export class ConversationScoredDataDto implements DataOf<ConversationScored> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() @MaxLength(TRANSLATION_TEXT_MAX) summary!: string;
  @ValidateIf((o: ConversationScoredDataDto) => o.nextStep !== null)
  @IsString()
  @MaxLength(TRANSLATION_TEXT_MAX)
  nextStep!: string | null;
  @IsString() @Length(1, 200) model!: string;
  @IsBoolean() demo!: boolean;
  @IsISO8601({ strict: true }) scoredAt!: string;
}

export class ConversationScoringFailedDataDto implements DataOf<ConversationScoringFailed> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsIn(TRANSLATION_FAILURE_REASONS) reason!: TranslationFailureCode;
  @IsBoolean() retryable!: boolean;
  @IsString() @MaxLength(DETAIL_MAX) detail!: string;
}

export class TranslationSettingsChangedDataDto implements DataOf<TranslationSettingsChanged> {
  @ValidateIf((o: TranslationSettingsChangedDataDto) => o.provider !== null)
  @IsIn(TRANSLATION_PROVIDERS)
  provider!: TranslationProviderName | null;
  @Matches(LANGUAGE_CODE_PATTERN) teamLanguage!: string;
  @IsString() @IsNotEmpty() changedBy!: string;
}

export class AssistantConfiguredDataDto implements DataOf<AssistantConfigured> {
  @ValidateIf((o: AssistantConfiguredDataDto) => o.sealed !== null)
  @IsString()
  @Length(1, 10_000)
  sealed!: string | null;
  @ValidateIf((o: AssistantConfiguredDataDto) => o.model !== null)
  @IsString()
  @Length(1, 200)
  model!: string | null;
  @IsString() @IsNotEmpty() configuredBy!: string;
}

export class DraftTranslatedDataDto implements DataOf<DraftTranslated> {
  @IsString() @Length(1, 200) draftId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @MaxLength(TRANSLATION_TEXT_MAX) original!: string;
  @Matches(LANGUAGE_CODE_PATTERN) from!: string;
  @Matches(LANGUAGE_CODE_PATTERN) to!: string;
  @IsString() @MaxLength(TRANSLATION_TEXT_MAX * 2) text!: string;
  @IsIn(TRANSLATION_PROVIDERS) provider!: TranslationProviderName;
}

export class ReplyDraftedDataDto implements DataOf<ReplyDrafted> {
  @IsString() @Length(1, 200) draftId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @MaxLength(TRANSLATION_TEXT_MAX) text!: string;
  @Matches(LANGUAGE_CODE_PATTERN) language!: string;
  @IsString() @Length(1, 200) model!: string;
  @IsBoolean() demo!: boolean;
}

export class DraftFailedDataDto implements DataOf<DraftFailed> {
  @IsString() @Length(1, 200) draftId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsIn(['translation', 'advice']) request!: 'translation' | 'advice';
  @IsIn(TRANSLATION_FAILURE_REASONS) reason!: TranslationFailureCode;
  @IsBoolean() retryable!: boolean;
  @IsString() @MaxLength(DETAIL_MAX) detail!: string;
}

/** The translation context's events for the EventCatalog, each at v1. */
export const translationEventDefinitions: readonly EventDefinition[] = [
  { type: 'Translation.LanguageDetected', schemaVersion: 1, data: LanguageDetectedDataDto },
  { type: 'Translation.MessageTranslated', schemaVersion: 1, data: MessageTranslatedDataDto },
  {
    type: 'Translation.MessageTranslationFailed',
    schemaVersion: 1,
    data: MessageTranslationFailedDataDto,
  },
  {
    type: 'Translation.ConversationLanguagesChosen',
    schemaVersion: 1,
    data: ConversationLanguagesChosenDataDto,
  },
  { type: 'Translation.ConversationScored', schemaVersion: 1, data: ConversationScoredDataDto },
  {
    type: 'Translation.ConversationScoringFailed',
    schemaVersion: 1,
    data: ConversationScoringFailedDataDto,
  },
  {
    type: 'Translation.SettingsChanged',
    schemaVersion: 1,
    data: TranslationSettingsChangedDataDto,
  },
  { type: 'Translation.AssistantConfigured', schemaVersion: 1, data: AssistantConfiguredDataDto },
  { type: 'Translation.DraftTranslated', schemaVersion: 1, data: DraftTranslatedDataDto },
  { type: 'Translation.ReplyDrafted', schemaVersion: 1, data: ReplyDraftedDataDto },
  { type: 'Translation.DraftFailed', schemaVersion: 1, data: DraftFailedDataDto },
];
