import { publicDocument } from './public-document';

describe('publicDocument', () => {
  it('given a document with bookkeeping fields, then they are left out but _id and nested fields stay', () => {
    expect(
      publicDocument({ _id: 'c1', _revision: 4, _applied: {}, name: 'x', nested: { _keep: 1 } }),
    ).toEqual({ _id: 'c1', name: 'x', nested: { _keep: 1 } });
  });
});
