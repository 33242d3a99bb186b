import {
  appendChannel,
  appendLockKey,
  assertSchemaName,
  eventsTable,
  schemaStatements,
} from './schema';

describe('event store schema naming', () => {
  it('given a valid schema, then table and channel are derived from it', () => {
    expect(eventsTable('parley')).toBe('"parley".events');
    expect(appendChannel('parley')).toBe('parley_events_appended');
    expect(schemaStatements('parley')[0]).toBe('CREATE SCHEMA IF NOT EXISTS "parley"');
  });

  it.each(['Parley', 'a-b', 'x"; DROP TABLE y; --', '', 'a'.repeat(41)])(
    'given the schema name %p, then it is refused (it is put into SQL text)',
    (schema) => {
      expect(() => assertSchemaName(schema)).toThrow(/schema/);
    },
  );

  it('given two schemas, then their append locks differ and each is stable', () => {
    expect(appendLockKey('parley')).toBe(appendLockKey('parley'));
    expect(appendLockKey('parley')).not.toBe(appendLockKey('tenant_b'));
    expect(Number.isInteger(appendLockKey('parley'))).toBe(true);
    expect(Math.abs(appendLockKey('parley'))).toBeLessThan(2 ** 31);
  });
});
