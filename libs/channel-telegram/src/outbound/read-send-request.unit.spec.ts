import { ContractViolation, newId, type ManagerMessageQueued } from '@parley/contracts';
import { readSendRequest } from './read-send-request';

const queued = (text: string): ManagerMessageQueued => {
  const eventId = newId();
  return {
    type: 'Conversation.ManagerMessageQueued',
    data: {
      conversationId: 'ws1:tg:42:1001',
      messageId: newId(),
      managerId: 'manager-1',
      recipient: { channel: 'telegram', botId: '42', chatId: '1001' },
      content: { kind: 'text', text },
      queuedAt: '2026-01-01T10:00:00.000Z',
    },
    metadata: {
      eventId,
      workspaceId: 'ws1',
      aggregateId: 'ws1:tg:42:1001',
      occurredAt: '2026-01-01T10:00:00.000Z',
      schemaVersion: 1,
      correlationId: eventId,
      causationId: null,
      actor: { kind: 'manager', id: 'manager-1' },
    },
  };
};

describe('reading a request to send from the bus', () => {
  it('given a valid request, then it is read as it is', () => {
    const given = queued('Hello');
    expect(readSendRequest('Conversation.ManagerMessageQueued', given)).toEqual(given);
  });

  it('given a request valid but for a text over 4,096 characters, then it is read with its whole text, for the channel to refuse', () => {
    const given = queued('x'.repeat(5000));
    const read = readSendRequest('Conversation.ManagerMessageQueued', given);
    expect(read.data.content).toEqual({ kind: 'text', text: 'x'.repeat(5000) });
    expect(read.data.messageId).toBe(given.data.messageId);
  });

  it('given a long text and another field wrong, then the contract’s error is thrown', () => {
    const given = queued('x'.repeat(5000));
    const broken = { ...given, data: { ...given.data, queuedAt: 'yesterday' } };
    expect(() => readSendRequest('Conversation.ManagerMessageQueued', broken)).toThrow(
      ContractViolation,
    );
  });

  it('given an empty text, then the contract’s error is thrown (nothing to refuse)', () => {
    expect(() => readSendRequest('Conversation.ManagerMessageQueued', queued(''))).toThrow(
      ContractViolation,
    );
  });
});
