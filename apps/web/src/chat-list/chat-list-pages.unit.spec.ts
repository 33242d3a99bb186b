import { aChat } from './chat-list-fixtures';
import { withFreshFirstPage, withNextPage, type LoadedChats } from './chat-list-pages';

const at = (minute: number) => `2026-11-25T10:${String(minute).padStart(2, '0')}:00.000Z`;
const chat = (id: string, minute: number) => aChat({ _id: id, lastActivityAt: at(minute) });
const ids = (loaded: LoadedChats) => loaded.items.map((c) => c._id);

describe('the chat list page by page (L6, issue 11)', () => {
  const loaded: LoadedChats = {
    items: [chat('e', 50), chat('d', 40), chat('c', 30), chat('b', 20)],
    nextCursor: 'after-b',
  };

  it('given a next page, then appended with its cursor, a chat already shown not repeated', () => {
    const next = withNextPage(loaded, { items: [chat('b', 20), chat('a', 10)], nextCursor: null });
    expect(ids(next)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(next.nextCursor).toBeNull();
  });

  it('given a fresh first page after a chat moved to the top, then it leaves its old place and the pages below stay', () => {
    const fresh = withFreshFirstPage(loaded, {
      items: [chat('c', 59), chat('e', 50)],
      nextCursor: 'after-e',
    });
    expect(ids(fresh)).toEqual(['c', 'e', 'd', 'b']);
    expect(fresh.nextCursor).toBe('after-b');
  });

  it('given a fresh first page without a chat that left the view, then it is gone', () => {
    const fresh = withFreshFirstPage(loaded, {
      items: [chat('e', 50), chat('c', 30)],
      nextCursor: 'after-c',
    });
    expect(ids(fresh)).toEqual(['e', 'c', 'b']);
  });

  it('given a fresh first page that is the whole list, then it is the list', () => {
    const fresh = withFreshFirstPage(loaded, { items: [chat('d', 40)], nextCursor: null });
    expect(fresh).toEqual({ items: [chat('d', 40)], nextCursor: null });
  });

  it('given a new chat on top of the one page loaded, then the chat pushed off the fresh page stays, with the cursor after it', () => {
    const first: LoadedChats = { items: [chat('e', 50), chat('d', 40)], nextCursor: 'after-d' };
    const fresh = withFreshFirstPage(first, {
      items: [chat('f', 55), chat('e', 50)],
      nextCursor: 'after-e',
    });
    expect(ids(fresh)).toEqual(['f', 'e', 'd']);
    expect(fresh.nextCursor).toBe('after-d');
  });
});
