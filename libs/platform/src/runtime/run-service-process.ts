import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { CommandSender } from '@parley/command-handling';
import type { ReadStore } from '@parley/read-store';
import type { SearchIndex } from '@parley/search';
import { startHealthOpsListener, type HealthOpsAction } from '../health/health-ops-listener';
import { HealthRegistry } from '../health/health-registry';
import { connectEngines, type ConnectedEngines } from './connect-engines';
import { logLevelsUpTo, type ServiceProcessConfig } from './service-process.config';
import { startNestService } from './start-nest-service';
import { stopOnSignals } from './stop-on-signals';

export interface ServiceParts {
  readonly modules: readonly DynamicModule[];
  readonly readStore?: ReadStore;
  readonly searchIndex?: SearchIndex;
  readonly commandSender?: CommandSender;
  readonly configure?: (app: INestApplication) => void | Promise<void>;
  /** Operations the ops port (HEALTH_PORT) runs on POST, e.g. a rebuild of in-memory read models. */
  readonly opsActions?: readonly HealthOpsAction[];
  /** Runs after the app stopped, before the engines close. */
  readonly stop?: () => Promise<void>;
}

/**
 * The main of one service process on the real engines: read config, connect the event store
 * and Kafka, mount the service's modules, listen, print one line with the URL, and shut down
 * cleanly on SIGINT/SIGTERM. With HEALTH_PORT, the detailed health answers on an ops-only port. Only the event store must answer at boot: subscriptions Kafka cannot
 * take yet start in the background when it answers (connectEngines), and health says so.
 */
export const runServiceProcess = async (
  name: string,
  config: ServiceProcessConfig,
  parts: (engines: ConnectedEngines, health: HealthRegistry) => Promise<ServiceParts>,
): Promise<void> => {
  const signals = stopOnSignals(name);
  try {
    const health = new HealthRegistry();
    const engines = await connectEngines(config, name, health);
    signals.onStop(engines.close);
    const service = await parts(engines, health);
    if (service.stop) signals.onStop(service.stop);
    const running = await startNestService({
      serviceName: name,
      ports: {
        store: engines.store,
        bus: engines.bus,
        health,
        workspace: { defaultWorkspaceId: config.WORKSPACE_ID },
        readStore: service.readStore,
        searchIndex: service.searchIndex,
        commandSender: service.commandSender,
      },
      modules: service.modules,
      http: { port: config.PORT, host: config.HOST },
      logLevels: logLevelsUpTo(config.LOG_LEVEL),
      configure: service.configure,
    });
    signals.onStop(running.close);
    process.stdout.write(`${name} listening on ${running.url}\n`);
    if (config.HEALTH_PORT) {
      const ops = await startHealthOpsListener({
        registry: health,
        port: config.HEALTH_PORT,
        host: config.HEALTH_HOST,
        actions: service.opsActions,
      });
      signals.onStop(ops.close);
      process.stdout.write(`${name} health (ops only): ${ops.url}/health\n`);
    }
  } catch (e) {
    process.stderr.write(`${name} failed to start: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  }
};
