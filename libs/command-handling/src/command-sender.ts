import {
  COMMAND_RESULTS_TOPIC,
  commandsTopic,
  validateCommandEnvelope,
  type CommandEnvelope,
  type CommandOutcome,
} from '@parley/contracts';
import type { Bus, BusSubscription, DeliveredMessage } from '@parley/bus';

/** No outcome arrived in time. The gateway answers 504 with this message. */
export class CommandTimedOut extends Error {
  constructor(
    readonly commandId: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer to command ${commandId} within ${timeoutMs} ms; it may still be applied`);
    this.name = 'CommandTimedOut';
  }
}

export interface CommandSenderOptions {
  readonly bus: Bus;
  /** Unique per process: each sender reads every outcome with a consumer group of its own. */
  readonly instanceId: string;
  readonly timeoutMs?: number;
}

interface Waiter {
  resolve(outcome: CommandOutcome): void;
  timer: NodeJS.Timeout;
}

/**
 * Sends commands and awaits their outcome from `parley.command-results` (docs/architecture.md,
 * Events): publish to the service's commands topic keyed by aggregate id, then resolve when the
 * outcome with the same commandId arrives, or reject with CommandTimedOut.
 */
export class CommandSender {
  private readonly waiters = new Map<string, Waiter>();
  private subscription?: BusSubscription;

  constructor(private readonly options: CommandSenderOptions) {}

  async start(): Promise<void> {
    this.subscription = await this.options.bus.subscribe({
      groupId: `command-results-${this.options.instanceId}`,
      topics: [COMMAND_RESULTS_TOPIC],
      fromBeginning: false,
      maxAttempts: 1,
      handler: async (m) => this.onOutcome(m),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    for (const [id, w] of this.waiters) {
      clearTimeout(w.timer);
      this.waiters.delete(id);
    }
  }

  send(
    command: CommandEnvelope,
    timeoutMs = this.options.timeoutMs ?? 10_000,
  ): Promise<CommandOutcome> {
    validateCommandEnvelope(command);
    return new Promise<CommandOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(command.commandId);
        reject(new CommandTimedOut(command.commandId, timeoutMs));
      }, timeoutMs);
      this.waiters.set(command.commandId, { resolve, timer });
      this.options.bus
        .publish([
          {
            topic: commandsTopic(command.service),
            key: command.metadata.aggregateId,
            value: command,
          },
        ])
        .catch((e: unknown) => {
          clearTimeout(timer);
          this.waiters.delete(command.commandId);
          reject(e);
        });
    });
  }

  private onOutcome(message: DeliveredMessage): void {
    const envelope = message.value as { data?: CommandOutcome } | null;
    const outcome = envelope?.data;
    if (!outcome || typeof outcome.commandId !== 'string') return;
    const waiter = this.waiters.get(outcome.commandId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(outcome.commandId);
    waiter.resolve(outcome);
  }
}
