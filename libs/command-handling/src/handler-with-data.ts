import { validatePlain, type CommandEnvelope } from '@parley/contracts';
import type { ClassConstructor } from 'class-transformer';
import type { CommandHandler } from './command-processor';

/**
 * A command handler that first validates the envelope's data against its DTO (a
 * ContractViolation naming the field, which the CommandProcessor turns into a rejection), then
 * hands the typed data and the envelope to `handle`.
 */
export const handlerWithData =
  <Data extends object>(
    dto: ClassConstructor<object>,
    type: string,
    handle: (data: Data, envelope: CommandEnvelope) => ReturnType<CommandHandler>,
  ): CommandHandler =>
  (envelope) =>
    handle(validatePlain<Data>(dto, envelope.data, type), envelope);
