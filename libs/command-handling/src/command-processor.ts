import {
  commandsTopic,
  ContractViolation,
  validateCommandEnvelope,
  type AppendedPosition,
  type CommandEnvelope,
  type CommandOutcome,
} from '@parley/contracts';
import { isDomainRuleViolation } from '@parley/decider';
import type { Bus, BusSubscription, DeliveredMessage } from '@parley/bus';
import type { EventStore } from '@parley/eventstore';
import { CommandOutcomeLog } from './command-outcome-log';

/** Runs one command type: append its events, return where they landed. */
export type CommandHandler = (command: CommandEnvelope) => Promise<AppendedPosition[]>;

export interface CommandProcessorOptions {
  readonly bus: Bus;
  readonly store: EventStore;
  /** The service whose commands topic this processor consumes. */
  readonly service: string;
  readonly handlers: Readonly<Record<string, CommandHandler>>;
  readonly maxAttempts?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

/**
 * Consumes `parley.{service}.commands` with the service's consumer group. For each command:
 * if an outcome is already recorded (a redelivery), do nothing; otherwise run its handler and
 * record accepted (with positions) or rejected (a broken contract or business rule). Unexpected
 * errors are retried by the bus; on the last attempt the command is recorded as rejected too,
 * so the sender hears back, and the message goes to the dead-letter topic.
 */
export class CommandProcessor {
  private subscription?: BusSubscription;
  private readonly outcomes: CommandOutcomeLog;
  private readonly maxAttempts: number;

  constructor(private readonly options: CommandProcessorOptions) {
    this.outcomes = new CommandOutcomeLog(options.store);
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  async start(): Promise<void> {
    this.subscription = await this.options.bus.subscribe({
      groupId: this.options.service,
      topics: [commandsTopic(this.options.service)],
      fromBeginning: true,
      maxAttempts: this.maxAttempts,
      handler: (m) => this.onMessage(m),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  private async onMessage(message: DeliveredMessage): Promise<void> {
    let command: CommandEnvelope;
    try {
      command = validateCommandEnvelope(message.value);
    } catch (e) {
      // Without a valid envelope there is no commandId to answer: dead-letter it.
      this.log(`command on ${message.topic}@${message.offset} rejected: ${(e as Error).message}`);
      throw e;
    }
    if (await this.outcomes.find(command.commandId)) return;
    const outcome = await this.run(command, message.attempt);
    await this.outcomes.record(command, outcome, this.now());
  }

  private async run(command: CommandEnvelope, attempt: number): Promise<CommandOutcome> {
    const handler = this.options.handlers[command.type];
    if (!handler) {
      return this.rejected(
        command,
        'command.unknown',
        `${this.options.service} has no command ${command.type}`,
      );
    }
    try {
      const positions = await handler(command);
      return { commandId: command.commandId, status: 'accepted', positions };
    } catch (e) {
      if (isDomainRuleViolation(e)) return this.rejected(command, e.code, e.message);
      if (e instanceof ContractViolation)
        return this.rejected(command, 'validation.failed', e.message);
      this.log(
        `command ${command.type} ${command.commandId} failed (attempt ${attempt}): ${(e as Error).stack}`,
      );
      if (attempt < this.maxAttempts) throw e;
      await this.outcomes.record(
        command,
        this.rejected(
          command,
          'command.failed',
          `${command.type} could not be processed: ${(e as Error).message}`,
        ),
        this.now(),
      );
      throw e;
    }
  }

  private rejected(command: CommandEnvelope, code: string, reason: string): CommandOutcome {
    return { commandId: command.commandId, status: 'rejected', code, reason };
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}
