import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { ContractViolation } from '@parley/contracts';
import { testEvent } from '../testing';
import {
  envelopeFromStored,
  fromCurrentRevision,
  isSystem,
  toEventData,
  toExpectedRevision,
} from './eventstoredb-mapping';

describe('EventStoreDB mapping', () => {
  it.each([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    [4, 4n],
  ] as const)('given expected %p, then the client gets %p', (expected, revision) => {
    expect(toExpectedRevision(expected)).toBe(revision);
  });

  it('given the server says where the stream is, then actual is a revision or no_stream', () => {
    expect(fromCurrentRevision(NO_STREAM)).toBe('no_stream');
    expect(fromCurrentRevision(7n)).toBe(7);
  });

  it('given an envelope, when written and read back, then the $ keys come and go', () => {
    const event = { ...testEvent('c1', { n: 1 }) };
    event.metadata = { ...event.metadata, causationId: 'cause-1' };

    const data = toEventData(event);

    expect(data.id).toBe(event.metadata.eventId);
    expect(data.metadata).toMatchObject({ $correlationId: 'corr-1', $causationId: 'cause-1' });
    expect(envelopeFromStored(data.type, data.data, data.metadata)).toEqual(event);
  });

  it('given an eventId that is not a UUID, then EventStoreDB refuses it as a ContractViolation', () => {
    expect(() => toEventData(testEvent('c1', {}, { eventId: 'telegram-update-42' }))).toThrow(
      ContractViolation,
    );
  });

  it('given system streams and events, then they are not ours', () => {
    expect(isSystem('$stats-127.0.0.1:2113', 'x')).toBe(true);
    expect(isSystem('conversation-c1', '$metadata')).toBe(true);
    expect(isSystem('conversation-c1', 'Conversation.MessageReceived')).toBe(false);
  });
});
