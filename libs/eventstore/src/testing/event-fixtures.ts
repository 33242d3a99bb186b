import { randomBytes, randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@parley/contracts';

/**
 * A stream context unique to one test, so tests that share a store (EventStoreDB) only see
 * their own streams when they filter by it. Lower-case letters and digits, like real contexts.
 */
export const uniqueContext = (label = 'test'): string =>
  `${label}${randomBytes(5).toString('hex')}`;

/** A valid envelope; every call gets a new UUID event id unless one is given. */
export const testEvent = (
  aggregateId: string,
  data: Record<string, unknown> = {},
  overrides: { readonly eventId?: string; readonly type?: string } = {},
): EventEnvelope => ({
  type: overrides.type ?? 'Test.ThingHappened',
  data,
  metadata: {
    eventId: overrides.eventId ?? randomUUID(),
    workspaceId: 'w1',
    aggregateId,
    occurredAt: '2026-01-02T03:04:05.000Z',
    schemaVersion: 1,
    correlationId: 'corr-1',
    causationId: null,
    actor: { kind: 'system', id: 'contract-test' },
  },
});
