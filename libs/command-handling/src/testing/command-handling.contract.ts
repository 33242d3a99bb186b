import { randomBytes } from 'node:crypto';
import type { Bus, BusSubscription } from '@parley/bus';
import {
  COMMAND_RESULTS_TOPIC,
  commandsTopic,
  newId,
  streamName,
  type CommandEnvelope,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { InMemoryCheckpointStore, Relay } from '@parley/relay';
import { waitUntil } from '@parley/test-infra';
import { CommandProcessor } from '../command-processor';
import { CommandSender, CommandTimedOut } from '../command-sender';
import { handleCommand } from '../handle-command';
import { outcomeStreamName } from '../command-outcome-log';
import { tallyDecider, type TallyCommand } from './tally-decider';

export interface CommandHandlingFixture {
  readonly store: EventStore;
  readonly bus: Bus;
  cleanup(): Promise<void>;
}

/**
 * Commands with outcomes, end to end over one store and one bus: sender → commands topic →
 * processor → store → relay → command results → sender. Run against every store/bus pair.
 */
export const describeCommandHandlingContract = (
  name: string,
  fixture: () => Promise<CommandHandlingFixture>,
): void => {
  describe(`command handling on ${name}`, () => {
    const service = `tally${randomBytes(3).toString('hex')}`;
    const context = `tally_${randomBytes(3).toString('hex')}`;
    let f: CommandHandlingFixture;
    let relay: Relay;
    let processor: CommandProcessor;
    let sender: CommandSender;
    let results: BusSubscription;
    const outcomesSeen: string[] = [];

    const command = (
      aggregateId: string,
      data: TallyCommand,
      type = 'CountTally',
    ): CommandEnvelope => ({
      commandId: newId(),
      service,
      type,
      data,
      metadata: {
        workspaceId: 'ws1',
        aggregateId,
        issuedAt: new Date().toISOString(),
        correlationId: newId(),
        causationId: null,
        actor: { kind: 'manager', id: 'u1' },
      },
    });

    beforeAll(async () => {
      f = await fixture();
      relay = new Relay({ store: f.store, bus: f.bus, checkpoints: new InMemoryCheckpointStore() });
      await relay.start();
      processor = new CommandProcessor({
        bus: f.bus,
        store: f.store,
        service,
        maxAttempts: 2,
        log: () => undefined,
        handlers: {
          CountTally: (cmd) =>
            handleCommand({
              store: f.store,
              streamName: streamName(context, cmd.metadata.aggregateId),
              aggregateId: cmd.metadata.aggregateId,
              decider: tallyDecider,
              command: cmd.data as TallyCommand,
              envelope: cmd,
            }),
        },
      });
      await processor.start();
      sender = new CommandSender({ bus: f.bus, instanceId: newId(), timeoutMs: 30_000 });
      await sender.start();
      results = await f.bus.subscribe({
        groupId: `outcome-counter-${newId()}`,
        topics: [COMMAND_RESULTS_TOPIC],
        fromBeginning: false,
        handler: async (m) => {
          const id = (m.value as { data?: { commandId?: string } }).data?.commandId;
          if (id) outcomesSeen.push(id);
        },
      });
    }, 120_000);

    afterAll(async () => {
      await results?.close();
      await sender?.stop();
      await processor?.stop();
      await relay?.stop();
      await f?.cleanup();
    });

    it('given a command, when sent, then it is accepted with the positions of its events', async () => {
      const cmd = command('ws1:t1', { by: 2, limit: 10 });
      const outcome = await sender.send(cmd);
      expect(outcome).toMatchObject({ commandId: cmd.commandId, status: 'accepted' });
      const stored = await f.store.readStream(streamName(context, 'ws1:t1'));
      expect(stored).toHaveLength(1);
      expect(outcome.status === 'accepted' && outcome.positions).toEqual([
        {
          streamName: streamName(context, 'ws1:t1'),
          revision: 0,
          position: stored[0].position.toString(),
        },
      ]);
      expect(stored[0].event.metadata).toMatchObject({
        causationId: cmd.commandId,
        actor: { kind: 'manager', id: 'u1' },
      });
    });

    it('given a command that breaks a rule, then it is rejected with a readable reason', async () => {
      const outcome = await sender.send(command('ws1:t2', { by: 11, limit: 10 }));
      expect(outcome).toMatchObject({
        status: 'rejected',
        code: 'tally.limit',
        reason: 'The tally would pass its limit of 10.',
      });
      expect(await f.store.readStream(streamName(context, 'ws1:t2'))).toHaveLength(0);
    });

    it('given an unknown command type, then it is rejected naming it', async () => {
      const outcome = await sender.send(command('ws1:t3', { by: 1, limit: 10 }, 'ResetTally'));
      expect(outcome).toMatchObject({ status: 'rejected', code: 'command.unknown' });
    });

    it('given a command delivered three times, then it is applied once and its outcome published once', async () => {
      const cmd = command('ws1:t4', { by: 1, limit: 10 });
      const first = await sender.send(cmd);
      const message = { topic: commandsTopic(service), key: cmd.metadata.aggregateId, value: cmd };
      await f.bus.publish([message]);
      await f.bus.publish([message]);
      // A later command on the same key is handled after the repeats (per-key order): once its
      // outcome is back, the repeats have been handled too.
      await sender.send(command('ws1:t4', { by: 1, limit: 10 }));
      expect(await f.store.readStream(streamName(context, 'ws1:t4'))).toHaveLength(2);
      expect(await f.store.readStream(outcomeStreamName(cmd.commandId))).toHaveLength(1);
      await waitUntil('outcomes published', () => (outcomesSeen.length >= 4 ? true : undefined));
      expect(outcomesSeen.filter((id) => id === cmd.commandId)).toHaveLength(1);
      expect(first.status).toBe('accepted');
    });

    it('given racing commands on one aggregate, then each is accepted at its own revision', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () => sender.send(command('ws1:t5', { by: 1, limit: 100 }))),
      );
      expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
      const revisions = (await f.store.readStream(streamName(context, 'ws1:t5'))).map(
        (r) => r.revision,
      );
      expect(revisions).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it('given no service listening, then the sender times out with a clear error', async () => {
      const cmd = { ...command('ws1:t6', { by: 1, limit: 1 }), service: `${service}-nobody` };
      await expect(sender.send(cmd, 1500)).rejects.toThrow(CommandTimedOut);
      await expect(sender.send({ ...cmd, commandId: newId() }, 1500)).rejects.toThrow(
        /no answer to command .* within 1500 ms/,
      );
    });
  });
};
