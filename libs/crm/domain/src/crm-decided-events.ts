import type { ContactCreated, DealCreated, EventEnvelope } from '@parley/contracts';
import type { DecidedEvent } from '@parley/decider';

type Decided<E> = E extends EventEnvelope<infer T, infer D> ? DecidedEvent<T, D> : never;

/** Crm.* events of the Contact stream, as its decider emits them. */
export type ContactDecidedEvent = Decided<ContactCreated>;

/** Crm.* events of the Deal stream, as its decider emits them. */
export type DealDecidedEvent = Decided<DealCreated>;
