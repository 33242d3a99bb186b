import { CommandProcessor, eventsForCommand, type CommandHandler } from '@parley/command-handling';
import { streamName, type CommandEnvelope } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { InMemoryCheckpointStore, Relay } from '@parley/relay';
import type { TestGateway } from './test-gateway';

/**
 * The command side of one service, standing in for it in gateway tests: a relay from the
 * gateway's store to its bus (so outcomes reach the gateway's CommandSender) and a command
 * processor with the test's handlers. Every command it gets is in `received`.
 */
export interface CommandStandIn {
  readonly received: CommandEnvelope[];
  stop(): Promise<void>;
}

export const startCommandStandIn = async (
  gateway: TestGateway,
  service: string,
  handlers: Readonly<Record<string, CommandHandler>>,
): Promise<CommandStandIn> => {
  const received: CommandEnvelope[] = [];
  const relay = new Relay({
    store: gateway.store,
    bus: gateway.bus,
    checkpoints: new InMemoryCheckpointStore(),
  });
  await relay.start();
  const recording = Object.fromEntries(
    Object.entries(handlers).map(([type, handle]) => [
      type,
      (command: CommandEnvelope) => {
        received.push(command);
        return handle(command);
      },
    ]),
  );
  const processor = new CommandProcessor({
    bus: gateway.bus,
    store: gateway.store,
    service,
    handlers: recording,
    log: () => undefined,
  });
  await processor.start();
  return {
    received,
    stop: async () => {
      await processor.stop();
      await relay.stop();
    },
  };
};

/**
 * A handler that appends one event of `eventType(command)` with the command's data to the
 * command's aggregate stream in `category`: what the real service's decider would store, as
 * far as the gateway can tell.
 */
export const appendingHandler =
  (
    store: EventStore,
    category: string,
    eventType: (command: CommandEnvelope) => string,
  ): CommandHandler =>
  async (command) => {
    const { aggregateId } = command.metadata;
    const stream = streamName(category, aggregateId);
    const result = await store.append(
      stream,
      eventsForCommand(command, aggregateId, [{ type: eventType(command), data: command.data }]),
      { expected: 'any' },
    );
    return result.positions.map((p) => ({
      streamName: stream,
      revision: p.revision,
      position: p.position.toString(),
    }));
  };
