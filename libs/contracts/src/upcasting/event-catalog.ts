import type { ClassConstructor } from 'class-transformer';
import type { EventEnvelope } from '../envelope/event-envelope';
import { ContractViolation } from '../validation/contract-violation';
import { validatePlain } from '../validation/validate';

/** Turns the data of version `fromVersion` into the data of version `fromVersion + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventDefinition {
  readonly type: string;
  /** The version new events are written with. */
  readonly schemaVersion: number;
  /** class-validator DTO of the current version's data. */
  readonly data: ClassConstructor<object>;
  /** `upcasters[v]` lifts version v to v + 1, for every v below schemaVersion. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/**
 * Every event type a process understands, with its current schema version, its payload DTO
 * and the upcasters that lift old versions. Consumers read events through `upcast` so their
 * code only ever sees the current shape (Amplication's schema registry idea).
 */
export class EventCatalog {
  private readonly definitions = new Map<string, EventDefinition>();

  register(...definitions: readonly EventDefinition[]): this {
    for (const d of definitions) {
      if (this.definitions.has(d.type)) throw new Error(`event type ${d.type} registered twice`);
      for (let v = 1; v < d.schemaVersion; v++) {
        if (!d.upcasters?.[v]) throw new Error(`event type ${d.type} lacks an upcaster from v${v}`);
      }
      this.definitions.set(d.type, d);
    }
    return this;
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  currentVersion(type: string): number {
    return this.definition(type).schemaVersion;
  }

  /** Lift an event to its type's current schema version. Current events pass through unchanged. */
  upcast<E extends EventEnvelope>(event: E): E {
    const d = this.definition(event.type);
    let version = event.metadata.schemaVersion;
    if (version > d.schemaVersion) {
      throw new ContractViolation(event.type, [
        {
          field: 'metadata.schemaVersion',
          reason: `${version} is newer than this process knows (${d.schemaVersion})`,
        },
      ]);
    }
    if (version === d.schemaVersion) return event;
    let data = event.data as Record<string, unknown>;
    while (version < d.schemaVersion) {
      data = d.upcasters![version](data);
      version++;
    }
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } } as E;
  }

  /** Validate the payload of a current-version event against its DTO. */
  validateData(event: EventEnvelope): void {
    const d = this.definition(event.type);
    validatePlain(d.data, event.data, `${event.type} data`);
  }

  private definition(type: string): EventDefinition {
    const d = this.definitions.get(type);
    if (!d)
      throw new ContractViolation('event', [
        { field: 'type', reason: `unknown event type ${type}` },
      ]);
    return d;
  }
}
