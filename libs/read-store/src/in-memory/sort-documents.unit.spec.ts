import { pageOfDocuments, sortDocuments } from './sort-documents';

const ids = (documents: readonly { _id: string }[]): string[] => documents.map((d) => d._id);

describe('sort documents', () => {
  const chats = [
    { _id: 'a', at: '2026-01-02', unread: 1, contact: { name: 'Boris' } },
    { _id: 'b', at: '2026-01-03', unread: 0, contact: { name: 'Anna' } },
    { _id: 'c', at: '2026-01-02', unread: 5 },
    { _id: 'd', at: null, unread: 2, contact: { name: 'Clara' } },
    { _id: 'e', unread: 3, contact: { name: 'anna' } },
  ];

  it('given chats, when sorted by one key descending, then the latest come first and missing last', () => {
    expect(ids(sortDocuments(chats, { at: -1 }))).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('given chats, when sorted ascending, then null and missing come first', () => {
    expect(ids(sortDocuments(chats, { at: 1 }))).toEqual(['d', 'e', 'a', 'c', 'b']);
  });

  it('given ties on the first key, when sorted on two keys, then the second decides', () => {
    expect(ids(sortDocuments(chats, { at: -1, unread: -1 }))).toEqual(['b', 'c', 'a', 'e', 'd']);
  });

  it('given a dotted path, when sorted, then strings compare by code point', () => {
    expect(ids(sortDocuments(chats, { 'contact.name': 1 }))).toEqual(['c', 'b', 'a', 'd', 'e']);
  });

  it('given mixed types, when sorted, then null < numbers < strings < booleans', () => {
    const mixed = [
      { _id: 'bool', v: true },
      { _id: 'str', v: '1' },
      { _id: 'num', v: 2 },
      { _id: 'null', v: null },
    ];
    expect(ids(sortDocuments(mixed, { v: 1 }))).toEqual(['null', 'num', 'str', 'bool']);
  });

  it('given array fields, when sorted, then ascending uses the smallest element and descending the largest', () => {
    const docs = [
      { _id: 'x', v: [5, 1] },
      { _id: 'y', v: [3] },
      { _id: 'z', v: [2, 9] },
    ];
    expect(ids(sortDocuments(docs, { v: 1 }))).toEqual(['x', 'z', 'y']);
    expect(ids(sortDocuments(docs, { v: -1 }))).toEqual(['z', 'x', 'y']);
  });

  it('given full ties, when sorted, then the input order is kept', () => {
    expect(ids(sortDocuments(chats, { same: 1 }))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('given a bad direction, when sorted, then it throws', () => {
    expect(() => sortDocuments(chats, { at: 0 as 1 })).toThrow('must be 1 or -1');
  });
});

describe('page of documents', () => {
  const docs = ['a', 'b', 'c', 'd', 'e'].map((_id, i) => ({ _id, n: 5 - i }));

  it('given sort, skip and limit, then it sorts before skipping and limiting', () => {
    expect(ids(pageOfDocuments(docs, { sort: { n: 1 }, skip: 1, limit: 2 }))).toEqual(['d', 'c']);
  });

  it('given a limit of 0, then there is no limit', () => {
    expect(ids(pageOfDocuments(docs, { skip: 3, limit: 0 }))).toEqual(['d', 'e']);
  });

  it('given a skip past the end, then the page is empty', () => {
    expect(pageOfDocuments(docs, { skip: 9 })).toEqual([]);
  });

  it('given a negative or fractional limit, then it throws', () => {
    expect(() => pageOfDocuments(docs, { limit: -1 })).toThrow('limit');
    expect(() => pageOfDocuments(docs, { skip: 1.5 })).toThrow('skip');
  });
});
