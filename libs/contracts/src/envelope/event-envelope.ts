import type { EventMetadata } from './event-metadata';

/**
 * An event as it crosses every boundary: the store, the bus, projections.
 * `type` is past tense and namespaced by its context: `Conversation.MessageReceived`.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/**
 * Build a discriminated union member from a type and its payload:
 * `type MessageReceived = DomainEvent<'Conversation.MessageReceived', {...}>`.
 */
export type DomainEvent<TType extends string, TData> = EventEnvelope<TType, TData>;

/** The context an event type belongs to: `Conversation.MessageReceived` → `Conversation`. */
export const contextOfEventType = (type: string): string => {
  const dot = type.indexOf('.');
  if (dot <= 0) throw new Error(`event type "${type}" has no "Context." prefix`);
  return type.slice(0, dot);
};
