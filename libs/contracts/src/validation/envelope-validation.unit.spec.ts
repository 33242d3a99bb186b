import { ContractViolation } from './contract-violation';
import { validateCommandEnvelope, validateEventEnvelope } from './envelope-validation';

const validEvent = () => ({
  type: 'Conversation.MessageReceived',
  data: { text: 'hello' },
  metadata: {
    eventId: '0f0e7c86-8d8b-5a36-9a8e-1b1f2f5d7c10',
    workspaceId: 'ws1',
    aggregateId: 'ws1:c1',
    occurredAt: '2026-11-25T10:00:00.000Z',
    schemaVersion: 1,
    correlationId: 'corr-1',
    causationId: null,
    actor: { kind: 'client', id: 'tg:42' },
  },
});

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ContractViolation) return e.issues.map((i) => i.field);
    throw e;
  }
  throw new Error('expected a ContractViolation');
};

describe('event envelope validation', () => {
  it('accepts a complete envelope and returns it unchanged', () => {
    const event = validEvent();
    expect(validateEventEnvelope(event)).toEqual(event);
  });

  it('names every bad field, nested ones with their path', () => {
    const event = validEvent() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    event.type = 'message received';
    event.metadata.actor.kind = 'alien';
    event.metadata.schemaVersion = 0;
    delete event.metadata.workspaceId;
    expect(issuesOf(() => validateEventEnvelope(event)).sort()).toEqual(
      ['metadata.actor.kind', 'metadata.schemaVersion', 'metadata.workspaceId', 'type'].sort(),
    );
  });

  it('rejects unknown top-level fields so typos do not pass silently', () => {
    expect(issuesOf(() => validateEventEnvelope({ ...validEvent(), daat: {} }))).toContain('daat');
  });

  it('rejects non-objects', () => {
    expect(() => validateEventEnvelope('hello')).toThrow(ContractViolation);
    expect(() => validateEventEnvelope(null)).toThrow(ContractViolation);
  });
});

describe('command envelope validation', () => {
  const validCommand = () => ({
    commandId: 'cmd-1',
    service: 'conversation',
    type: 'SendMessage',
    data: { text: 'hi' },
    metadata: {
      workspaceId: 'ws1',
      aggregateId: 'ws1:c1',
      issuedAt: '2026-11-25T10:00:00Z',
      correlationId: 'corr-1',
      causationId: null,
      actor: { kind: 'manager', id: 'u1' },
    },
  });

  it('accepts a complete command', () => {
    expect(validateCommandEnvelope(validCommand()).commandId).toBe('cmd-1');
  });

  it('rejects a past-tense-looking type and a missing commandId, naming both', () => {
    const cmd = { ...validCommand(), type: 'message.sent', commandId: '' };
    expect(issuesOf(() => validateCommandEnvelope(cmd)).sort()).toEqual(['commandId', 'type']);
  });
});
