import type { CommandEnvelope } from '../commands/command-envelope';
import type { EventEnvelope } from '../envelope/event-envelope';
import { CommandEnvelopeDto, EventEnvelopeDto } from './envelope.dto';
import { validatePlain } from './validate';

/** Validate an event's envelope at a boundary (store, bus, HTTP). Payloads are checked by the catalog. */
export const validateEventEnvelope = (plain: unknown): EventEnvelope =>
  validatePlain<EventEnvelope>(EventEnvelopeDto, plain, 'event');

export const validateCommandEnvelope = (plain: unknown): CommandEnvelope =>
  validatePlain<CommandEnvelope>(CommandEnvelopeDto, plain, 'command');
