import type { ConversationEvent, EventEnvelope } from '@parley/contracts';
import type { DecidedEvent } from '@parley/decider';

type Decided<E> = E extends EventEnvelope<infer T, infer D> ? DecidedEvent<T, D> : never;

/** Conversation.* events as the decider emits them: type and data (metadata comes later). */
export type ConversationDecidedEvent = Decided<ConversationEvent>;
