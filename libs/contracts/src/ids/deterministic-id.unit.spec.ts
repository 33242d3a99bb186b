import { deterministicId } from './deterministic-id';

describe('deterministicId', () => {
  it('gives the same UUID for the same parts', () => {
    expect(deterministicId('telegram-update', 42, 1001)).toBe(
      deterministicId('telegram-update', 42, 1001),
    );
  });

  it('gives different UUIDs when any part differs', () => {
    const ids = new Set([
      deterministicId('telegram-update', 42, 1001),
      deterministicId('telegram-update', 42, 1002),
      deterministicId('telegram-update', 43, 1001),
      deterministicId('postback', 42, 1001),
    ]);
    expect(ids.size).toBe(4);
  });

  it('does not confuse parts that contain the separator', () => {
    expect(deterministicId('a|b', 'c')).not.toBe(deterministicId('a', 'b|c'));
  });

  it('is a version 5 RFC 9562 UUID', () => {
    expect(deterministicId('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
