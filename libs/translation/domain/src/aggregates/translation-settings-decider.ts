import {
  DEFAULT_TEAM_LANGUAGE,
  type ActorRole,
  type TranslationProviderName,
  type TranslationSettingsEvent,
} from '@parley/contracts';
import { assertNever, type Decider } from '@parley/decider';
import type { LanguageCode } from '../translation/language-code';
import type { Decided } from './decided';
import { requireAdmin } from './require-admin';

/** Translation.* events of a workspace's settings stream `translation-{ws}:settings`. */
export type TranslationSettingsDecidedEvent = Decided<TranslationSettingsEvent>;

interface AdminCommand {
  readonly actorRole: ActorRole;
  readonly actorId: string;
}

/** An admin's choice of provider (null: none, translation off) and the team's language. */
export interface ChangeSettings extends AdminCommand {
  readonly kind: 'ChangeSettings';
  readonly provider: TranslationProviderName | null;
  readonly teamLanguage: LanguageCode;
}

/**
 * An admin's AI assistant, sealed by the service before it gets here (null: removed). When the
 * settings are the ones already stored, the service passes the stored sealed value back, so
 * "nothing changed" is a plain comparison (a new seal differs every time).
 */
export interface SetAssistant extends AdminCommand {
  readonly kind: 'SetAssistant';
  readonly sealed: string | null;
  readonly model: string | null;
}

export type TranslationSettingsCommand = ChangeSettings | SetAssistant;

/** The workspace's AI assistant: none, or its sealed settings and model. */
export type AssistantState =
  | { readonly status: 'none' }
  | { readonly status: 'configured'; readonly sealed: string; readonly model: string };

export interface TranslationSettingsState {
  /** null: no provider chosen, nothing is translated (a normal state, not a failure). */
  readonly provider: TranslationProviderName | null;
  readonly teamLanguage: LanguageCode;
  readonly assistant: AssistantState;
}

/**
 * A workspace's translation settings (C2, B5, B7): the provider, the team's language and the AI
 * assistant, changed by admins only. What did not change emits nothing. The assistant's
 * settings arrive sealed: the decider never sees a key.
 */
export const translationSettingsDecider: Decider<
  TranslationSettingsCommand,
  TranslationSettingsDecidedEvent,
  TranslationSettingsState
> = {
  initialState: () => ({
    provider: null,
    teamLanguage: DEFAULT_TEAM_LANGUAGE,
    assistant: { status: 'none' },
  }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Translation.SettingsChanged':
        return { ...state, provider: event.data.provider, teamLanguage: event.data.teamLanguage };
      case 'Translation.AssistantConfigured':
        return {
          ...state,
          assistant:
            event.data.sealed === null
              ? { status: 'none' }
              : {
                  status: 'configured',
                  sealed: event.data.sealed,
                  model: event.data.model ?? '',
                },
        };
      default:
        return assertNever(event, 'translation settings event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'ChangeSettings':
        requireAdmin(command.actorRole, 'the translation settings');
        if (state.provider === command.provider && state.teamLanguage === command.teamLanguage) {
          return [];
        }
        return [
          {
            type: 'Translation.SettingsChanged',
            data: {
              provider: command.provider,
              teamLanguage: command.teamLanguage,
              changedBy: command.actorId,
            },
          },
        ];
      case 'SetAssistant': {
        requireAdmin(command.actorRole, 'the AI assistant');
        const { assistant } = state;
        const unchanged =
          command.sealed === null
            ? assistant.status === 'none'
            : assistant.status === 'configured' &&
              assistant.sealed === command.sealed &&
              assistant.model === command.model;
        if (unchanged) return [];
        return [
          {
            type: 'Translation.AssistantConfigured',
            data: {
              sealed: command.sealed,
              model: command.sealed === null ? null : command.model,
              configuredBy: command.actorId,
            },
          },
        ];
      }
      default:
        return assertNever(command, 'translation settings command');
    }
  },
};
