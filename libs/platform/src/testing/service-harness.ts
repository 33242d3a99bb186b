import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Bus } from '@parley/bus';
import { CommandSender } from '@parley/command-handling';
import { newId } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import type { ReadStore } from '@parley/read-store';
import type { SearchIndex } from '@parley/search';
import { InMemoryCheckpointStore, Relay } from '@parley/relay';
import { HealthRegistry } from '../health/health-registry';
import {
  startNestService,
  type NestServiceOptions,
  type RunningNestService,
} from '../runtime/start-nest-service';
import type { Clock } from '../tokens';
import type { TestEngines } from './engines-for-tests';

/** `true`: a CommandSender with its default timeout; `{ timeoutMs }`: with that one. */
export type CommandSenderOption = boolean | { readonly timeoutMs: number };

export interface ServiceHarnessOptions<S extends CommandSenderOption = false> {
  /** The store and bus; the harness owns them from here on and cleans them up on close. */
  readonly engines: TestEngines | Promise<TestEngines>;
  readonly modules: NestServiceOptions['modules'];
  readonly workspaceId: string;
  /** Default `harness-{random}`. */
  readonly serviceName?: string;
  /** A read store port; closed on close. */
  readonly readStore?: ReadStore;
  /** A search index port (SEARCH_INDEX); closed on close. */
  readonly searchIndex?: SearchIndex;
  /** A started CommandSender, also given to the service as its port. Default none. */
  readonly commandSender?: S;
  /** Listen for HTTP on a free port of 127.0.0.1. Default false. */
  readonly http?: boolean;
  /** A relay from the store to the bus, started after the service. Default true. */
  readonly relay?: boolean;
  readonly clock?: Clock;
  readonly configure?: NestServiceOptions['configure'];
}

export type ServiceHarness<S extends CommandSenderOption = false> = {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly health: HealthRegistry;
  readonly readStore: ReadStore | undefined;
  readonly relay: Relay | undefined;
  readonly service: RunningNestService;
  readonly app: INestApplication;
  /** `http://127.0.0.1:{port}` with `http: true`. */
  readonly url: string | null;
  /** Stops and closes everything, in the reverse order of start. */
  close(): Promise<void>;
} & (S extends false ? { readonly sender?: undefined } : { readonly sender: CommandSender });

/**
 * One service module booted for a test as its app boots it: engines, a CommandSender (on
 * request), startNestService with the platform ports, then a relay from the store to the bus.
 * Whatever fails half-way is closed again before the error is thrown.
 */
export const startServiceHarness = async <S extends CommandSenderOption = false>(
  options: ServiceHarnessOptions<S>,
): Promise<ServiceHarness<S>> => {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const { store, bus, cleanup } = await options.engines;
    closers.push(cleanup);
    const { readStore } = options;
    if (readStore) closers.push(() => readStore.close());
    const { searchIndex } = options;
    if (searchIndex) closers.push(() => searchIndex.close());

    let sender: CommandSender | undefined;
    if (options.commandSender) {
      const timeout = options.commandSender === true ? {} : options.commandSender;
      const started = new CommandSender({ bus, instanceId: newId(), ...timeout });
      await started.start();
      closers.push(() => started.stop());
      sender = started;
    }

    const health = new HealthRegistry();
    const service = await startNestService({
      serviceName: options.serviceName ?? `harness-${randomBytes(4).toString('hex')}`,
      ports: {
        store,
        bus,
        health,
        workspace: { defaultWorkspaceId: options.workspaceId },
        ...(readStore && { readStore }),
        ...(searchIndex && { searchIndex }),
        ...(sender && { commandSender: sender }),
        ...(options.clock && { clock: options.clock }),
      },
      modules: options.modules,
      http: options.http ? { port: 0, host: '127.0.0.1' } : false,
      logLevels: ['error'],
      configure: options.configure,
    });
    closers.push(() => service.close());

    let relay: Relay | undefined;
    if (options.relay ?? true) {
      const started = new Relay({ store, bus, checkpoints: new InMemoryCheckpointStore() });
      await started.start();
      closers.push(() => started.stop());
      relay = started;
    }

    return {
      store,
      bus,
      health,
      readStore,
      relay,
      service,
      app: service.app,
      url: service.url,
      sender,
      close,
    } as ServiceHarness<S>;
  } catch (error) {
    await close();
    throw error;
  }
};
