import type { TimelineAction, TranslationFailureCode } from '@parley/contracts';
import { isTranslationFailureCode } from '../translation/translation-constants';

/** The timeline actions of an AI scoring (B7). */
export const SCORED_ACTION = 'conversation.scored';
export const SCORING_FAILED_ACTION = 'conversation.scoring_failed';

/**
 * An AI scoring on the timeline (B7): the summary and next step with the model that wrote them
 * (`demo`: the labelled demo provider), or why none came.
 */
export type ConversationScoring =
  | {
      readonly status: 'scored';
      readonly summary: string;
      readonly nextStep: string | null;
      readonly model: string;
      readonly demo: boolean;
    }
  | {
      readonly status: 'failed';
      /** null: a reason this app does not know yet; `detail` says it. */
      readonly reason: TranslationFailureCode | null;
      readonly detail: string | null;
    };

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * The scoring an action item holds, read defensively from its details; null for any other action,
 * or a scoring without a summary (then the action's line tells what the server said).
 */
export const conversationScoring = (action: TimelineAction): ConversationScoring | null => {
  const d = action.details;
  if (action.action === SCORED_ACTION) {
    const summary = textOf(d['summary']);
    if (summary === null) return null;
    return {
      status: 'scored',
      summary,
      nextStep: textOf(d['nextStep']),
      model: textOf(d['model']) ?? '?',
      demo: d['demo'] === true,
    };
  }
  if (action.action === SCORING_FAILED_ACTION) {
    const reason = d['reason'];
    return {
      status: 'failed',
      reason: isTranslationFailureCode(reason) ? reason : null,
      detail: textOf(d['detail']),
    };
  }
  return null;
};
