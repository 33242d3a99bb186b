import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Bus } from '@parley/bus';
import type { CommandSender } from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import { versioned, type ReadStore } from '@parley/read-store';
import type { SearchIndex } from '@parley/search';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { BusErrorsFilter } from '@parley/bus';
import {
  BUS,
  CLOCK,
  COMMAND_SENDER,
  EVENT_STORE,
  READ_STORE,
  SEARCH_INDEX,
  WORKSPACE_SETTINGS,
  type Clock,
  type WorkspaceSettings,
} from './tokens';

export interface PlatformPorts {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly health: HealthRegistry;
  readonly workspace: WorkspaceSettings;
  readonly readStore?: ReadStore;
  readonly searchIndex?: SearchIndex;
  readonly commandSender?: CommandSender;
  readonly clock?: Clock;
}

/**
 * The ports of this process, for every service module mounted in it. Global: service modules
 * inject `EVENT_STORE`, `BUS`, ... without importing anything but the tokens.
 */
@Global()
@Module({})
export class PlatformModule {
  static register(ports: PlatformPorts): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_STORE, useValue: ports.store },
      { provide: BUS, useValue: ports.bus },
      { provide: HealthRegistry, useValue: ports.health },
      { provide: WORKSPACE_SETTINGS, useValue: ports.workspace },
      { provide: CLOCK, useValue: ports.clock ?? (() => new Date()) },
    ];
    // Versioned, so `npm run rebuild` can switch a read model under this process (O4).
    if (ports.readStore)
      providers.push({ provide: READ_STORE, useValue: versioned(ports.readStore) });
    if (ports.searchIndex) providers.push({ provide: SEARCH_INDEX, useValue: ports.searchIndex });
    if (ports.commandSender)
      providers.push({ provide: COMMAND_SENDER, useValue: ports.commandSender });
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [...providers, { provide: APP_FILTER, useClass: BusErrorsFilter }],
      exports: providers.map((p) => (p as { provide: string | typeof HealthRegistry }).provide),
    };
  }
}
