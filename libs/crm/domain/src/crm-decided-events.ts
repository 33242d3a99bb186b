import type {
  ContactEvent,
  CrmSettingsEvent,
  DealEvent,
  EventEnvelope,
  TemplateLibraryEvent,
} from '@parley/contracts';
import type { DecidedEvent } from '@parley/decider';

type Decided<E> = E extends EventEnvelope<infer T, infer D> ? DecidedEvent<T, D> : never;

/** Crm.* events of the Contact stream, as its decider emits them. */
export type ContactDecidedEvent = Decided<ContactEvent>;

/** Crm.* events of the Deal stream, as its decider emits them. */
export type DealDecidedEvent = Decided<DealEvent>;

/** Crm.* events of a workspace's CRM settings stream (tag catalogue, pipeline). */
export type CrmSettingsDecidedEvent = Decided<CrmSettingsEvent>;

/** Crm.* events of a workspace's template library stream (reply templates, variables). */
export type TemplateLibraryDecidedEvent = Decided<TemplateLibraryEvent>;
