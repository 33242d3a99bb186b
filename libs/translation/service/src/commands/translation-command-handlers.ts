import {
  handlerWithData,
  requireSameWorkspace,
  type CommandHandler,
} from '@parley/command-handling';
import {
  ChangeTranslationSettingsDataDto,
  ChooseConversationLanguagesDataDto,
  ConfigureAssistantDataDto,
  DraftReplyDataDto,
  RetryTranslationDataDto,
  ScoreConversationDataDto,
  TranslateDraftDataDto,
  type ChangeTranslationSettingsData,
  type ChooseConversationLanguagesData,
  type CommandEnvelope,
  type ConfigureAssistantData,
  type DraftReplyData,
  type RetryTranslationData,
  type ScoreConversationData,
  type TranslateDraftData,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { runConversationCommand, runSettingsCommand } from '../translation-streams';
import type { TranslationRuntime } from './translation-runtime';

const actorOf = (envelope: CommandEnvelope) => envelope.metadata.actor.id;

/** A conversation of another workspace reads as not found (requireSameWorkspace). */
const sameWorkspace = (envelope: CommandEnvelope, conversationId: string): void =>
  requireSameWorkspace(envelope, conversationId, 'conversation');

/**
 * The translation service's commands on `parley.translation.commands` (issue 12): each checked
 * against its DTO (ContractViolation: rejected, naming the field), a conversation's only in its
 * own workspace, the actor taken from the envelope. Settings and the assistant are an admin's
 * (the settings decider refuses others before anything is sealed). The draft and scoring
 * commands call their providers first and are accepted once the answer (or its failure) is
 * stored.
 */
export const translationCommandHandlers = (
  store: EventStore,
  runtime: TranslationRuntime,
): Readonly<Record<string, CommandHandler>> => ({
  ChangeTranslationSettings: handlerWithData<ChangeTranslationSettingsData>(
    ChangeTranslationSettingsDataDto,
    'ChangeTranslationSettings',
    (data, envelope) =>
      runSettingsCommand(
        store,
        {
          kind: 'ChangeSettings',
          provider: data.provider,
          teamLanguage: data.teamLanguage,
          actorRole: data.actorRole,
          actorId: actorOf(envelope),
        },
        envelope,
      ),
  ),
  ConfigureAssistant: handlerWithData<ConfigureAssistantData>(
    ConfigureAssistantDataDto,
    'ConfigureAssistant',
    async (data, envelope) => {
      // Only an admin's settings are sealed; anyone else's command reaches the decider bare,
      // which refuses it as role.admin_only.
      const sealed =
        data.actorRole === 'admin'
          ? await runtime.assistants.seal(envelope.metadata.workspaceId, data)
          : { sealed: null, model: null };
      return runSettingsCommand(
        store,
        { kind: 'SetAssistant', ...sealed, actorRole: data.actorRole, actorId: actorOf(envelope) },
        envelope,
      );
    },
  ),
  ChooseConversationLanguages: handlerWithData<ChooseConversationLanguagesData>(
    ChooseConversationLanguagesDataDto,
    'ChooseConversationLanguages',
    (data, envelope) => {
      sameWorkspace(envelope, data.conversationId);
      return runConversationCommand(
        store,
        {
          kind: 'ChooseLanguages',
          conversationId: data.conversationId,
          clientLanguage: data.clientLanguage,
          teamLanguage: data.teamLanguage,
        },
        envelope,
      );
    },
  ),
  RetryTranslation: handlerWithData<RetryTranslationData>(
    RetryTranslationDataDto,
    'RetryTranslation',
    (data, envelope) => {
      sameWorkspace(envelope, data.conversationId);
      return runtime.messages.retry(data.conversationId, data.messageId, envelope);
    },
  ),
  TranslateDraft: handlerWithData<TranslateDraftData>(
    TranslateDraftDataDto,
    'TranslateDraft',
    (data, envelope) => {
      sameWorkspace(envelope, data.conversationId);
      return runtime.drafts.translateDraft(data, envelope);
    },
  ),
  DraftReply: handlerWithData<DraftReplyData>(DraftReplyDataDto, 'DraftReply', (data, envelope) => {
    sameWorkspace(envelope, data.conversationId);
    return runtime.drafts.draftReply(data, envelope);
  }),
  ScoreConversation: handlerWithData<ScoreConversationData>(
    ScoreConversationDataDto,
    'ScoreConversation',
    (data, envelope) => {
      sameWorkspace(envelope, data.conversationId);
      return runtime.scoring.score(data, envelope);
    },
  ),
});
