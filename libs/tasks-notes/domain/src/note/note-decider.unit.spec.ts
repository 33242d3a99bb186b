import { deciderSpecification } from '@parley/decider';
import type { NoteDecidedEvent } from '../tasks-notes-decided-events';
import { noteDecider, type AddNote } from './note-decider';

const spec = deciderSpecification(noteDecider);
const noteId = '00000000-0000-4000-8000-00000000000b';
const conversationId = 'ws1:tg:1:2';
const at = '2026-12-01T09:00:00.000Z';

const add = (over: Partial<AddNote> = {}): AddNote => ({
  kind: 'AddNote',
  noteId,
  conversationId,
  text: 'Prefers calls after 6 pm',
  authorId: 'manager-1',
  at,
  ...over,
});
const added: NoteDecidedEvent = {
  type: 'TasksNotes.NoteAdded',
  data: {
    noteId,
    conversationId,
    text: 'Prefers calls after 6 pm',
    authorId: 'manager-1',
    addedAt: at,
  },
};

describe('Note decider (R5)', () => {
  it('given no note, when added, then NoteAdded with author and time', () =>
    void spec.given([]).when(add()).then([added]));

  it('given the note, when added again, then nothing happens', () =>
    void spec.given([added]).when(add()).thenNothingHappened());

  it('given the note, when its id is used on another conversation, then rejected', () =>
    void spec
      .given([added])
      .when(add({ conversationId: 'ws1:tg:1:3' }))
      .thenRejects('note.id_taken'));

  it('when the text is blank, then rejected with the reason', () =>
    void spec
      .given([])
      .when(add({ text: ' \n ' }))
      .thenThrows('note.text_invalid', 'A note needs text: it must contain a visible character.'));

  it('when the text is too long, then rejected', () =>
    void spec
      .given([])
      .when(add({ text: 'x'.repeat(10_001) }))
      .thenThrows('note.text_too_long', 'A note is at most 10000 characters; this one has 10001.'));
});
