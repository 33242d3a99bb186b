import { Inject, Injectable } from '@nestjs/common';
import { reactionCommand } from '@parley/command-handling';
import {
  systemActor,
  workspaceOf,
  type AppendedPosition,
  type ClientMessageReceived,
  type CommandEnvelope,
} from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';
import {
  messageTranslation,
  translationForTeam,
  type LanguageCode,
} from '@parley/translation-domain';
import { TinyldLanguageDetector } from '../detection/tinyld-language-detector';
import type { LanguageDetector } from '../detection/language-detector.port';
import { TRANSLATION_SERVICE_OPTIONS, type TranslationServiceOptions } from '../options';
import { readConversationRecord, translatableText } from '../reads/conversation-reads';
import {
  readConversationTranslation,
  readTranslationSettings,
  runConversationCommand,
} from '../translation-streams';
import { Translators } from '../translators/translators';
import { languagesAround } from './conversation-languages';

/** How one translation is recorded: under which command, caused by what. */
interface Recording {
  readonly envelope: (type: string) => CommandEnvelope;
  /** The client message a reaction answers; absent for a command (RetryTranslation). */
  readonly causationId?: string;
}

/**
 * Client messages in the team's language (C2): each message's language detected offline, then,
 * when the team reads another language and the workspace has chosen a provider, translated
 * through the cache and recorded, or its failure recorded (a visible state with a retry). A
 * provider's failure never throws here: the message is kept and shown as written.
 */
@Injectable()
export class MessageTranslations {
  private readonly detector: LanguageDetector = new TinyldLanguageDetector();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TRANSLATION_SERVICE_OPTIONS) private readonly options: TranslationServiceOptions,
    @Inject(Translators) private readonly translators: Translators,
  ) {}

  /** A client message recorded by the conversation: detect, then translate for the team. */
  async clientMessageReceived(message: ClientMessageReceived): Promise<void> {
    const { conversationId, messageId, content } = message.data;
    const text = translatableText(content);
    if (text === null) return;
    const recording: Recording = {
      envelope: (type) =>
        reactionCommand(message, {
          service: this.options.service,
          type,
          aggregateId: conversationId,
          actor: systemActor(this.options.service),
        }),
      causationId: message.metadata.eventId,
    };
    const language = this.detector.detect(text);
    if (language !== null) {
      await runConversationCommand(
        this.store,
        { kind: 'RecordDetection', conversationId, messageId, language },
        recording.envelope('RecordDetection'),
        recording.causationId,
      );
    }
    await this.translate(conversationId, messageId, text, language, recording);
  }

  /**
   * `RetryTranslation`: a client message translated again (after a failure, or when nothing was
   * translated yet). A message translated already is left as it is; one the conversation has
   * not recorded, or without words, is refused.
   */
  async retry(
    conversationId: string,
    messageId: string,
    envelope: CommandEnvelope,
  ): Promise<AppendedPosition[]> {
    const record = await readConversationRecord(this.store, conversationId);
    const message = record.messages.find((m) => m.direction === 'in' && m.messageId === messageId);
    if (!message || message.translatable === null) {
      throw new DomainRuleViolation(
        'message.not_found',
        `There is no client message ${messageId} with text in this conversation.`,
      );
    }
    const state = await readConversationTranslation(this.store, conversationId);
    const known = messageTranslation(state, messageId);
    if (known.translation.status === 'translated') return [];
    return this.translate(conversationId, messageId, message.translatable, known.detected, {
      envelope: () => envelope,
    });
  }

  private async translate(
    conversationId: string,
    messageId: string,
    text: string,
    detected: LanguageCode | null,
    recording: Recording,
  ): Promise<AppendedPosition[]> {
    const [settings, state, record] = await Promise.all([
      readTranslationSettings(this.store, workspaceOf(conversationId)),
      readConversationTranslation(this.store, conversationId),
      readConversationRecord(this.store, conversationId),
    ]);
    // No provider chosen: translation is off in this workspace, a normal state, not a failure.
    if (settings.provider === null) return [];
    const { client, reader } = languagesAround(
      state,
      settings,
      record.clientProfileLanguage,
      detected,
    );
    const decision = translationForTeam(client, reader);
    if (decision.kind === 'keep') return [];
    const outcome = await this.translators.translate(
      settings.provider,
      text,
      decision.from,
      decision.to,
    );
    const ids = { conversationId, messageId };
    if (outcome.status === 'translated') {
      return runConversationCommand(
        this.store,
        {
          kind: 'RecordTranslation',
          ...ids,
          from: decision.from,
          to: decision.to,
          text: outcome.text,
          provider: settings.provider,
        },
        recording.envelope('RecordTranslation'),
        recording.causationId,
      );
    }
    return runConversationCommand(
      this.store,
      {
        kind: 'RecordTranslationFailure',
        ...ids,
        to: decision.to,
        reason: outcome.reason,
        retryable: outcome.retryable,
        detail: outcome.detail,
      },
      recording.envelope('RecordTranslationFailure'),
      recording.causationId,
    );
  }
}
