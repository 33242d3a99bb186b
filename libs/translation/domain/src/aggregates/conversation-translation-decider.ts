import type {
  ConversationTranslationEvent,
  TranslationFailureCode,
  TranslationProviderName,
} from '@parley/contracts';
import { assertNever, type Decider } from '@parley/decider';
import type { LanguageCode } from '../translation/language-code';
import type { Decided } from './decided';

/** Translation.* events of a conversation's stream `translation-{conversationId}`. */
export type ConversationTranslationDecidedEvent = Decided<ConversationTranslationEvent>;

/** The language a client message was detected in. */
export interface RecordDetection {
  readonly kind: 'RecordDetection';
  readonly conversationId: string;
  readonly messageId: string;
  readonly language: LanguageCode;
}

/** A client message's translation, as the provider answered it. */
export interface RecordTranslation {
  readonly kind: 'RecordTranslation';
  readonly conversationId: string;
  readonly messageId: string;
  readonly from: LanguageCode;
  readonly to: LanguageCode;
  readonly text: string;
  readonly provider: TranslationProviderName;
}

/** Why a client message has no translation into `to`. */
export interface RecordTranslationFailure {
  readonly kind: 'RecordTranslationFailure';
  readonly conversationId: string;
  readonly messageId: string;
  readonly to: LanguageCode;
  readonly reason: TranslationFailureCode;
  readonly retryable: boolean;
  readonly detail: string;
}

/** A manager's choice of the chat's languages (null: automatic). */
export interface ChooseLanguages {
  readonly kind: 'ChooseLanguages';
  readonly conversationId: string;
  readonly clientLanguage: LanguageCode | null;
  readonly teamLanguage: LanguageCode | null;
}

/** An AI summary and next step, as the model answered; `scoredAt` from the caller's clock. */
export interface RecordScoring {
  readonly kind: 'RecordScoring';
  readonly conversationId: string;
  readonly summary: string;
  readonly nextStep: string | null;
  readonly model: string;
  readonly demo: boolean;
  readonly scoredAt: string;
}

/** An AI scoring that could not be made. */
export interface RecordScoringFailure {
  readonly kind: 'RecordScoringFailure';
  readonly conversationId: string;
  readonly reason: TranslationFailureCode;
  readonly retryable: boolean;
  readonly detail: string;
}

export type ConversationTranslationCommand =
  | RecordDetection
  | RecordTranslation
  | RecordTranslationFailure
  | ChooseLanguages
  | RecordScoring
  | RecordScoringFailure;

/** Where one message's translation stands. */
export type MessageTranslationStatus =
  | { readonly status: 'untranslated' }
  | { readonly status: 'translated'; readonly to: LanguageCode }
  | {
      readonly status: 'failed';
      readonly to: LanguageCode;
      readonly reason: TranslationFailureCode;
      readonly retryable: boolean;
    };

/** What the service knows of one client message. */
export interface MessageTranslationState {
  readonly detected: LanguageCode | null;
  readonly translation: MessageTranslationStatus;
}

/** The chat's own languages (C2): null is automatic. */
export interface ChosenLanguages {
  readonly clientLanguage: LanguageCode | null;
  readonly teamLanguage: LanguageCode | null;
}

export interface ConversationTranslationState {
  /** The last language detected on a client message of the chat (a short "ok" inherits it). */
  readonly lastDetected: LanguageCode | null;
  readonly chosen: ChosenLanguages;
  readonly messages: ReadonlyMap<string, MessageTranslationState>;
}

const UNKNOWN_MESSAGE: MessageTranslationState = {
  detected: null,
  translation: { status: 'untranslated' },
};

/** One message's state (an unknown message: nothing detected, not translated). */
export const messageTranslation = (
  state: ConversationTranslationState,
  messageId: string,
): MessageTranslationState => state.messages.get(messageId) ?? UNKNOWN_MESSAGE;

const withMessage = (
  state: ConversationTranslationState,
  messageId: string,
  change: (message: MessageTranslationState) => MessageTranslationState,
): ConversationTranslationState => ({
  ...state,
  messages: new Map(state.messages).set(messageId, change(messageTranslation(state, messageId))),
});

/**
 * A conversation's translations (C2, B7), one stream per conversation: the language detected
 * on each client message, its translation or why there is none, the chat's chosen languages,
 * its AI scorings. Idempotent per message: a detection or a translation recorded once is not
 * recorded again, a failure repeated for the same reason neither; a failure can be followed by
 * a translation (a retry that worked). Scorings are each their own request: every one is kept.
 */
export const conversationTranslationDecider: Decider<
  ConversationTranslationCommand,
  ConversationTranslationDecidedEvent,
  ConversationTranslationState
> = {
  initialState: () => ({
    lastDetected: null,
    chosen: { clientLanguage: null, teamLanguage: null },
    messages: new Map(),
  }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Translation.LanguageDetected':
        return {
          ...withMessage(state, event.data.messageId, (m) => ({
            ...m,
            detected: event.data.language,
          })),
          lastDetected: event.data.language,
        };
      case 'Translation.MessageTranslated':
        return withMessage(state, event.data.messageId, (m) => ({
          ...m,
          translation: { status: 'translated', to: event.data.to },
        }));
      case 'Translation.MessageTranslationFailed':
        return withMessage(state, event.data.messageId, (m) => ({
          ...m,
          translation: {
            status: 'failed',
            to: event.data.to,
            reason: event.data.reason,
            retryable: event.data.retryable,
          },
        }));
      case 'Translation.ConversationLanguagesChosen':
        return {
          ...state,
          chosen: {
            clientLanguage: event.data.clientLanguage,
            teamLanguage: event.data.teamLanguage,
          },
        };
      case 'Translation.ConversationScored':
      case 'Translation.ConversationScoringFailed':
        return state;
      default:
        return assertNever(event, 'conversation translation event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'RecordDetection': {
        const { kind: _kind, ...data } = command;
        return messageTranslation(state, command.messageId).detected === null
          ? [{ type: 'Translation.LanguageDetected', data }]
          : [];
      }
      case 'RecordTranslation': {
        const { kind: _kind, ...data } = command;
        const now = messageTranslation(state, command.messageId).translation;
        return now.status === 'translated' && now.to === command.to
          ? []
          : [{ type: 'Translation.MessageTranslated', data }];
      }
      case 'RecordTranslationFailure': {
        const { kind: _kind, ...data } = command;
        const now = messageTranslation(state, command.messageId).translation;
        if (now.status === 'translated' && now.to === command.to) return [];
        if (now.status === 'failed' && now.to === command.to && now.reason === command.reason) {
          return [];
        }
        return [{ type: 'Translation.MessageTranslationFailed', data }];
      }
      case 'ChooseLanguages': {
        const { kind: _kind, ...data } = command;
        return state.chosen.clientLanguage === command.clientLanguage &&
          state.chosen.teamLanguage === command.teamLanguage
          ? []
          : [{ type: 'Translation.ConversationLanguagesChosen', data }];
      }
      case 'RecordScoring': {
        const { kind: _kind, ...data } = command;
        return [{ type: 'Translation.ConversationScored', data }];
      }
      case 'RecordScoringFailure': {
        const { kind: _kind, ...data } = command;
        return [{ type: 'Translation.ConversationScoringFailed', data }];
      }
      default:
        return assertNever(command, 'conversation translation command');
    }
  },
};
