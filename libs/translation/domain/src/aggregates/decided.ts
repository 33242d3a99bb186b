import type { DecidedEvent } from '@parley/decider';

/** A contract event as a decider emits it: its type and payload, without the envelope. */
export type Decided<E> = E extends { type: infer T extends string; data: infer D }
  ? DecidedEvent<T, D>
  : never;
