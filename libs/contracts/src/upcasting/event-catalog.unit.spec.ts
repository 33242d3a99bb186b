import { IsString } from 'class-validator';
import type { EventEnvelope } from '../envelope/event-envelope';
import { ContractViolation } from '../validation/contract-violation';
import { EventCatalog } from './event-catalog';

class ContactNamedV2 {
  @IsString() firstName!: string;
  @IsString() lastName!: string;
}

const event = (schemaVersion: number, data: Record<string, unknown>): EventEnvelope => ({
  type: 'Crm.ContactNamed',
  data,
  metadata: {
    eventId: 'e1',
    workspaceId: 'ws1',
    aggregateId: 'ws1:c1',
    occurredAt: '2026-11-25T10:00:00Z',
    schemaVersion,
    correlationId: 'c',
    causationId: null,
    actor: { kind: 'system', id: 'test' },
  },
});

describe('EventCatalog', () => {
  const catalog = new EventCatalog().register({
    type: 'Crm.ContactNamed',
    schemaVersion: 2,
    data: ContactNamedV2,
    upcasters: {
      1: (d) => {
        const [firstName = '', ...rest] = String(d['name']).split(' ');
        return { firstName, lastName: rest.join(' ') };
      },
    },
  });

  it('given a v1 event, upcasts its data to the current version', () => {
    const up = catalog.upcast(event(1, { name: 'Ada Lovelace King' }));
    expect(up.metadata.schemaVersion).toBe(2);
    expect(up.data).toEqual({ firstName: 'Ada', lastName: 'Lovelace King' });
    expect(() => catalog.validateData(up)).not.toThrow();
  });

  it('passes a current event through unchanged', () => {
    const current = event(2, { firstName: 'Ada', lastName: 'L' });
    expect(catalog.upcast(current)).toBe(current);
  });

  it('refuses an event newer than it knows, naming schemaVersion', () => {
    expect(() => catalog.upcast(event(3, {}))).toThrow(ContractViolation);
  });

  it('validates payloads against the DTO and names the bad field', () => {
    expect(() => catalog.validateData(event(2, { firstName: 'Ada', lastName: 7 }))).toThrow(
      /lastName/,
    );
  });

  it('refuses to register a versioned type with a missing upcaster', () => {
    expect(() =>
      new EventCatalog().register({
        type: 'Crm.X',
        schemaVersion: 3,
        data: ContactNamedV2,
        upcasters: { 1: (d) => d },
      }),
    ).toThrow(/lacks an upcaster from v2/);
  });

  it('rejects unknown types', () => {
    expect(() => catalog.upcast({ ...event(1, {}), type: 'Crm.Unknown' })).toThrow(
      /unknown event type/,
    );
  });
});
