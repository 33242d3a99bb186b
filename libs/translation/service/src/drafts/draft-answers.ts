import { Inject, Injectable } from '@nestjs/common';
import {
  TRANSLATION_TEXT_MAX,
  workspaceOf,
  type AppendedPosition,
  type CommandEnvelope,
  type DraftReplyData,
  type TranslateDraftData,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';
import {
  advicePrompt,
  parseAdviceAnswer,
  replyLanguage,
  translationForClient,
  type DraftCommand,
} from '@parley/translation-domain';
import { askAssistant } from '../assistant/ask-assistant';
import { Assistants } from '../assistant/assistants';
import { languagesAround } from '../messages/conversation-languages';
import { TRANSLATION_SERVICE_OPTIONS, type TranslationServiceOptions } from '../options';
import { readConversationRecord } from '../reads/conversation-reads';
import { readPromptMaterial } from '../reads/prompt-material';
import {
  readConversationTranslation,
  readDraft,
  readTranslationSettings,
  runDraftCommand,
} from '../translation-streams';
import { Translators } from '../translators/translators';

type DraftFailure = Omit<
  Extract<DraftCommand, { kind: 'RecordDraftFailure' }>,
  'kind' | 'draftId' | 'conversationId' | 'request'
>;

const cut = (text: string): string =>
  text.length <= TRANSLATION_TEXT_MAX ? text : `${text.slice(0, TRANSLATION_TEXT_MAX - 1)}…`;

/**
 * Answers to a manager's draft requests, each on the draft's own stream, once per draft id:
 * a draft translated into the client's language (B4), or an AI reply draft in the manager's
 * (B5), or why there is none. The command is accepted once the answer is stored, so the
 * gateway reads it right after the outcome.
 */
@Injectable()
export class DraftAnswers {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TRANSLATION_SERVICE_OPTIONS) private readonly options: TranslationServiceOptions,
    @Inject(Translators) private readonly translators: Translators,
    @Inject(Assistants) private readonly assistants: Assistants,
  ) {}

  /** `TranslateDraft`: the team's language into the client's, through the workspace's provider. */
  async translateDraft(
    data: TranslateDraftData,
    envelope: CommandEnvelope,
  ): Promise<AppendedPosition[]> {
    if (await this.answered(data.draftId, envelope)) return [];
    const { draftId, conversationId, text } = data;
    const fail = (failure: DraftFailure) =>
      this.record(
        { kind: 'RecordDraftFailure', draftId, conversationId, request: 'translation', ...failure },
        envelope,
      );
    const [settings, state, record] = await Promise.all([
      readTranslationSettings(this.store, workspaceOf(conversationId)),
      readConversationTranslation(this.store, conversationId),
      readConversationRecord(this.store, conversationId),
    ]);
    if (settings.provider === null) {
      return fail({
        reason: 'not_configured',
        retryable: false,
        detail:
          'No translation provider is chosen for this workspace: an admin chooses one in the settings.',
      });
    }
    const { client, reader } = languagesAround(state, settings, record.clientProfileLanguage, null);
    const decision = translationForClient(client, reader);
    if (decision.kind === 'keep') {
      return fail({
        reason: 'unsupported_language',
        retryable: false,
        detail:
          decision.why === 'same_language'
            ? `The client's language is the team's (${reader.chatOverride ?? reader.workspace}): there is nothing to translate.`
            : "The client's language is not known yet: choose it for this chat.",
      });
    }
    const outcome = await this.translators.translate(
      settings.provider,
      text,
      decision.from,
      decision.to,
    );
    if (outcome.status === 'failed') {
      const { status: _status, ...failure } = outcome;
      return fail(failure);
    }
    return this.record(
      {
        kind: 'RecordDraftTranslation',
        draftId,
        conversationId,
        original: text,
        from: decision.from,
        to: decision.to,
        text: outcome.text,
        provider: settings.provider,
      },
      envelope,
    );
  }

  /** `DraftReply`: an AI reply draft from the conversation, the client card and the templates. */
  async draftReply(data: DraftReplyData, envelope: CommandEnvelope): Promise<AppendedPosition[]> {
    if (await this.answered(data.draftId, envelope)) return [];
    const { draftId, conversationId } = data;
    const material = await readPromptMaterial(
      this.store,
      conversationId,
      data.language,
      this.options.promptMessages,
    );
    const answer = await askAssistant(
      await this.assistants.of(workspaceOf(conversationId)),
      advicePrompt(material),
    );
    const text = answer.status === 'answered' ? parseAdviceAnswer(answer.text) : undefined;
    if (answer.status === 'answered' && text !== undefined) {
      return this.record(
        {
          kind: 'RecordReplyDraft',
          draftId,
          conversationId,
          text: cut(text),
          language: replyLanguage(material.managerLanguage).code,
          model: answer.model,
          demo: answer.demo,
        },
        envelope,
      );
    }
    const failure: DraftFailure =
      answer.status === 'failed'
        ? { reason: answer.reason, retryable: answer.retryable, detail: answer.detail }
        : { reason: 'bad_response', retryable: true, detail: `${answer.model} answered no draft` };
    return this.record(
      { kind: 'RecordDraftFailure', draftId, conversationId, request: 'advice', ...failure },
      envelope,
    );
  }

  private async answered(draftId: string, envelope: CommandEnvelope): Promise<boolean> {
    return (
      (await readDraft(this.store, envelope.metadata.workspaceId, draftId)).status === 'answered'
    );
  }

  private record(command: DraftCommand, envelope: CommandEnvelope): Promise<AppendedPosition[]> {
    return runDraftCommand(this.store, command, envelope);
  }
}
