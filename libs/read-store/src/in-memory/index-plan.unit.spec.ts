import { planQuery } from './index-plan';
import { OrderedIndex } from './ordered-index';

const chatList = (): OrderedIndex => {
  const index = new OrderedIndex({ keys: { workspaceId: 1, lastActivityAt: -1 } });
  const chats = [
    { _id: 'a', workspaceId: 'w1', lastActivityAt: '2026-01-01' },
    { _id: 'b', workspaceId: 'w2', lastActivityAt: '2026-01-02' },
    { _id: 'c', workspaceId: 'w1', lastActivityAt: '2026-01-03' },
    { _id: 'd', workspaceId: 'w3' },
  ];
  chats.forEach((chat, seq) => index.put(chat, seq));
  return index;
};

describe('index plan', () => {
  it('given the chat list index, when the first page is planned, then it walks the workspace range in index order', () => {
    const index = chatList();
    const plan = planQuery(
      [index],
      { workspaceId: 'w1', archived: false },
      { lastActivityAt: -1, _id: -1 },
    );
    expect(plan).toMatchObject({ direction: 1, orderedFrom: 1, orderedTo: 2, sortKeysCovered: 1 });
    const range = index.entriesBetween(plan?.start ?? 0, plan?.end ?? 0);
    expect([...range].map((entry) => entry.id)).toEqual(['c', 'a']);
  });

  it('given an ascending sort on a descending index key, when planned, then the range is walked backward', () => {
    expect(planQuery([chatList()], { workspaceId: 'w1' }, { lastActivityAt: 1 })).toMatchObject({
      direction: -1,
      sortKeysCovered: 1,
    });
  });

  it('given a sort the index does not hold, when planned, then only the equality range is used', () => {
    expect(planQuery([chatList()], { workspaceId: 'w1' }, { title: 1 })).toMatchObject({
      orderedFrom: 1,
      orderedTo: 1,
      sortKeysCovered: 0,
    });
  });

  it('given a missing value, when its range is planned with null, then it holds the document', () => {
    const index = chatList();
    const plan = planQuery([index], { workspaceId: 'w3', lastActivityAt: null });
    const range = index.entriesBetween(plan?.start ?? 0, plan?.end ?? 0);
    expect([...range].map((entry) => entry.id)).toEqual(['d']);
  });

  it.each([
    ['no equality nor sort on its fields', { archived: false }, { title: 1 } as const],
    ['an operator on its first field', { workspaceId: { $in: ['w1'] } }, {}],
    ['a RegExp on its first field', { workspaceId: /^w/ }, {}],
  ])('given %s, when planned, then it is a scan', (_label, filter, sort) => {
    expect(planQuery([chatList()], filter, sort)).toBeUndefined();
  });

  it('given an array on an indexed path, when planned, then it is a scan until the array is gone', () => {
    const index = chatList();
    index.put({ _id: 'e', workspaceId: ['w1', 'w2'] }, 9);
    expect(planQuery([index], { workspaceId: 'w1' })).toBeUndefined();
    index.remove('e');
    expect(planQuery([index], { workspaceId: 'w1' })).toBeDefined();
  });
});
