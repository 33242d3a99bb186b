import { ContractViolation } from '@parley/contracts';
import { validateAppend } from './append-batch';
import { testEvent } from './testing';

describe('validateAppend', () => {
  it('given valid envelopes, then they pass unchanged', () => {
    const events = [testEvent('c1'), testEvent('c1')];

    expect(validateAppend('conversation-c1', events, 'any')).toEqual(events);
  });

  it('given a bad envelope, then the ContractViolation names its field', () => {
    const bad = { ...testEvent('c1'), metadata: { ...testEvent('c1').metadata, schemaVersion: 0 } };

    expect(() => validateAppend('conversation-c1', [bad], 'any')).toThrow(ContractViolation);
  });

  it('given a repeated eventId in the batch, then it is rejected with the index', () => {
    const event = testEvent('c1');

    expect(() => validateAppend('conversation-c1', [event, event], 'any')).toThrow(
      /\[1\]\.metadata\.eventId/,
    );
  });

  it('given an empty stream name, then it is rejected', () => {
    expect(() => validateAppend('', [testEvent('c1')], 'any')).toThrow(ContractViolation);
  });
});
