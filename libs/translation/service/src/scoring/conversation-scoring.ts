import { Inject, Injectable } from '@nestjs/common';
import {
  workspaceOf,
  type AppendedPosition,
  type CommandEnvelope,
  type ScoreConversationData,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
import { parseScoringAnswer, scoringPrompt } from '@parley/translation-domain';
import { askAssistant } from '../assistant/ask-assistant';
import { Assistants } from '../assistant/assistants';
import { TRANSLATION_SERVICE_OPTIONS, type TranslationServiceOptions } from '../options';
import { readPromptMaterial } from '../reads/prompt-material';
import { runConversationCommand } from '../translation-streams';

/**
 * AI scoring (B7): a summary of the conversation and the next step, in the manager's language,
 * recorded on the conversation's translation stream (the timeline shows it with the model's
 * name), or why it could not be made.
 */
@Injectable()
export class ConversationScoring {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TRANSLATION_SERVICE_OPTIONS) private readonly options: TranslationServiceOptions,
    @Inject(Assistants) private readonly assistants: Assistants,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async score(data: ScoreConversationData, envelope: CommandEnvelope): Promise<AppendedPosition[]> {
    const { conversationId } = data;
    const material = await readPromptMaterial(
      this.store,
      conversationId,
      data.language,
      this.options.promptMessages,
    );
    const answer = await askAssistant(
      await this.assistants.of(workspaceOf(conversationId)),
      scoringPrompt(material),
    );
    const scoring = answer.status === 'answered' ? parseScoringAnswer(answer.text) : undefined;
    if (answer.status === 'answered' && scoring !== undefined) {
      return runConversationCommand(
        this.store,
        {
          kind: 'RecordScoring',
          conversationId,
          summary: scoring.summary,
          nextStep: scoring.nextStep,
          model: answer.model,
          demo: answer.demo,
          scoredAt: this.clock().toISOString(),
        },
        envelope,
      );
    }
    return runConversationCommand(
      this.store,
      {
        kind: 'RecordScoringFailure',
        conversationId,
        ...(answer.status === 'failed'
          ? { reason: answer.reason, retryable: answer.retryable, detail: answer.detail }
          : {
              reason: 'bad_response' as const,
              retryable: true,
              detail: `${answer.model} answered no summary`,
            }),
      },
      envelope,
    );
  }
}
