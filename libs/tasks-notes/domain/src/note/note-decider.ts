import { NOTE_TEXT_MAX_LENGTH, visibleTextProblem } from '@parley/contracts';
import { assertNever, DomainRuleViolation, type Decider } from '@parley/decider';
import type { NoteDecidedEvent } from '../tasks-notes-decided-events';

/** Write an internal note on a conversation (R5). */
export interface AddNote {
  readonly kind: 'AddNote';
  readonly noteId: string;
  readonly conversationId: string;
  readonly text: string;
  readonly authorId: string;
  readonly at: string;
}

export type NoteCommand = AddNote;

export type NoteState =
  | { readonly status: 'none' }
  | { readonly status: 'added'; readonly noteId: string; readonly conversationId: string };

/**
 * The Note aggregate (R5), one stream per note (`tasksnotes-{ws}:note:{noteId}`), so managers
 * writing notes on one conversation never contend for one stream. A note is text, author and
 * time, never sent to the client; adding the same note again changes nothing.
 */
export const noteDecider: Decider<NoteCommand, NoteDecidedEvent, NoteState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'TasksNotes.NoteAdded':
        return {
          status: 'added',
          noteId: event.data.noteId,
          conversationId: event.data.conversationId,
        };
      default:
        return assertNever(event.type, 'note event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'AddNote': {
        if (state.status === 'added') {
          if (state.conversationId === command.conversationId) return [];
          throw new DomainRuleViolation(
            'note.id_taken',
            'This note id belongs to a note of another conversation: choose a new one.',
          );
        }
        const problem = visibleTextProblem(command.text);
        if (problem) {
          throw new DomainRuleViolation('note.text_invalid', `A note needs text: it ${problem}.`);
        }
        if (command.text.length > NOTE_TEXT_MAX_LENGTH) {
          throw new DomainRuleViolation(
            'note.text_too_long',
            `A note is at most ${NOTE_TEXT_MAX_LENGTH} characters; this one has ${command.text.length}.`,
          );
        }
        return [
          {
            type: 'TasksNotes.NoteAdded',
            data: {
              noteId: command.noteId,
              conversationId: command.conversationId,
              text: command.text,
              authorId: command.authorId,
              addedAt: command.at,
            },
          },
        ];
      }
      default:
        return assertNever(command.kind, 'note command');
    }
  },
};
