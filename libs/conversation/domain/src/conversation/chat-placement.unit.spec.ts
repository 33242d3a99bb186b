import { deciderSpecification, foldEvents } from '@parley/decider';
import { clientMessageReceived, place, placed, started } from '../testing/placed-chat';
import { conversationDecider } from './conversation-decider';

const received = clientMessageReceived('m2', 2);
const archived = placed('archive');
const unarchived = placed('unarchive');
const pinned = placed('pin');
const unpinned = placed('unpin');

describe('Conversation decider: archive and pin (L4, L8)', () => {
  const spec = deciderSpecification(conversationDecider);

  it('given an open chat, when it is archived, then Archived; archived again, then nothing', () => {
    spec.given([started]).when(place('archive')).then([archived]);
    spec.given([started, archived]).when(place('archive')).then([]);
  });

  it('given an archived chat, when it is unarchived, then Unarchived; a chat in the list, then nothing', () => {
    spec.given([started, archived]).when(place('unarchive')).then([unarchived]);
    spec.given([started]).when(place('unarchive')).then([]);
    spec.given([started, archived, unarchived]).when(place('unarchive')).then([]);
  });

  it('given an open chat, when it is pinned and unpinned, then Pinned and Unpinned, each once', () => {
    spec.given([started]).when(place('pin')).then([pinned]);
    spec.given([started, pinned]).when(place('pin')).then([]);
    spec.given([started, pinned]).when(place('unpin')).then([unpinned]);
    spec.given([started]).when(place('unpin')).then([]);
  });

  it('given an archived chat, when the client writes, then it is back in the list: archiving works again', () => {
    const state = foldEvents(conversationDecider, [started, archived, received]);
    expect(state.status === 'open' && state.archived).toBe(false);
    spec.given([started, archived, received]).when(place('archive')).then([archived]);
    spec.given([started, archived, received]).when(place('unarchive')).then([]);
  });

  it('given an archived pinned chat, then it stays pinned', () => {
    const state = foldEvents(conversationDecider, [started, pinned, archived]);
    expect(state.status === 'open' && { archived: state.archived, pinned: state.pinned }).toEqual({
      archived: true,
      pinned: true,
    });
  });

  it('given no conversation, when anything is placed, then conversation.not_found', () => {
    for (const placement of ['archive', 'unarchive', 'pin', 'unpin'] as const) {
      spec.given([]).when(place(placement)).thenThrows('conversation.not_found');
    }
  });
});
