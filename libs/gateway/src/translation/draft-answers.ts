import { HttpException, Inject, Injectable } from '@nestjs/common';
import {
  EventCatalog,
  readEvent,
  streamName,
  translationDraftKey,
  translationEventDefinitions,
  type DraftEvent,
  type DraftFailure,
  type DraftTranslated,
  type ReplyDrafted,
  type User,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';

const translationEvents = new EventCatalog().register(...translationEventDefinitions);

/** A failed draft as the API answers it: 503 for what may work later, 422 otherwise. */
export class DraftFailedException extends HttpException {
  constructor(failure: DraftFailure) {
    super(
      {
        statusCode: failure.retryable ? 503 : 422,
        message: failure.message,
        reason: failure.reason,
        retryable: failure.retryable,
      },
      failure.retryable ? 503 : 422,
    );
  }
}

/**
 * The answer to a draft request (B4, B5), read from its stream once the translation service
 * accepted the command: it stores the answer before it accepts, so the stream holds it by then.
 * Each stored event is validated as it is read.
 */
@Injectable()
export class DraftAnswers {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async translation(user: User, draftId: string): Promise<DraftTranslated['data']> {
    const answer = await this.answer(user, draftId);
    if (answer.type !== 'Translation.DraftTranslated') throw this.failure(answer);
    return answer.data;
  }

  async advice(user: User, draftId: string): Promise<ReplyDrafted['data']> {
    const answer = await this.answer(user, draftId);
    if (answer.type !== 'Translation.ReplyDrafted') throw this.failure(answer);
    return answer.data;
  }

  private failure(answer: DraftEvent): DraftFailedException {
    if (answer.type !== 'Translation.DraftFailed') {
      return new DraftFailedException({
        reason: 'bad_response',
        retryable: false,
        message: `The draft was answered with ${answer.type}.`,
      });
    }
    const { reason, retryable, detail } = answer.data;
    return new DraftFailedException({ reason, retryable, message: detail });
  }

  private async answer(user: User, draftId: string): Promise<DraftEvent> {
    const stream = streamName('translation', translationDraftKey(user.workspaceId, draftId));
    const [first] = await this.store.readStream(stream);
    if (!first) {
      throw new DraftFailedException({
        reason: 'unavailable',
        retryable: true,
        message: 'The translation service accepted the request but stored no answer.',
      });
    }
    return readEvent(translationEvents, first.event) as unknown as DraftEvent;
  }
}
