import type { DraftEvent, DraftFailed, DraftTranslated, ReplyDrafted } from '@parley/contracts';
import { assertNever, type Decider } from '@parley/decider';
import type { Decided } from './decided';

/** Translation.Draft* events of a draft's stream `translation-{ws}:draft:{draftId}`. */
export type DraftDecidedEvent = Decided<DraftEvent>;

/** A manager's draft in the client's language (B4). */
export interface RecordDraftTranslation extends Readonly<DraftTranslated['data']> {
  readonly kind: 'RecordDraftTranslation';
}

/** An AI reply draft (B5). */
export interface RecordReplyDraft extends Readonly<ReplyDrafted['data']> {
  readonly kind: 'RecordReplyDraft';
}

/** A draft request that got no answer. */
export interface RecordDraftFailure extends Readonly<DraftFailed['data']> {
  readonly kind: 'RecordDraftFailure';
}

export type DraftCommand = RecordDraftTranslation | RecordReplyDraft | RecordDraftFailure;

/** A draft request: not answered yet, or answered (by which event). */
export type DraftState =
  | { readonly status: 'open' }
  | { readonly status: 'answered'; readonly answer: DraftDecidedEvent['type'] };

/**
 * One draft request (B4, B5): one answer per draft id, the first; a second answer to the same
 * id (a repeated request) emits nothing, so the gateway reading the stream sees one answer.
 */
export const draftDecider: Decider<DraftCommand, DraftDecidedEvent, DraftState> = {
  initialState: () => ({ status: 'open' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Translation.DraftTranslated':
      case 'Translation.ReplyDrafted':
      case 'Translation.DraftFailed':
        return state.status === 'answered' ? state : { status: 'answered', answer: event.type };
      default:
        return assertNever(event, 'draft event');
    }
  },
  decide: (command, state) => {
    if (state.status === 'answered') return [];
    switch (command.kind) {
      case 'RecordDraftTranslation': {
        const { kind: _kind, ...data } = command;
        return [{ type: 'Translation.DraftTranslated', data }];
      }
      case 'RecordReplyDraft': {
        const { kind: _kind, ...data } = command;
        return [{ type: 'Translation.ReplyDrafted', data }];
      }
      case 'RecordDraftFailure': {
        const { kind: _kind, ...data } = command;
        return [{ type: 'Translation.DraftFailed', data }];
      }
      default:
        return assertNever(command, 'draft command');
    }
  },
};
