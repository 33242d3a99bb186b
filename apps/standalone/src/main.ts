import 'reflect-metadata';
import path from 'node:path';
import { isTelegramChannelEnabled, TelegramChannelConfig } from '@parley/channel-telegram';
import { loadConfigOrExit } from '@parley/config';
import { configureGateway, GatewayConfig } from '@parley/gateway';
import { HealthRegistry, logLevelsUpTo, startNestService, stopOnSignals } from '@parley/platform';
import { embeddedAuthSecret } from './auth-secret';
import { seedDemoWorkspace } from './demo/seed-demo-workspace';
import { startEmbeddedInfrastructure } from './embedded-infrastructure';
import { DEMO_TELEGRAM, StandaloneConfig } from './standalone.config';
import { StandaloneModule } from './standalone.module';

/** `npm start` (add `-- --demo` for a seeded workspace): all of Parley in one process. */
const main = async (): Promise<void> => {
  const demo = process.argv.includes('--demo');
  const config = loadConfigOrExit(StandaloneConfig);
  const env = { ...process.env };
  env['PARLEY_AUTH_SECRET'] = embeddedAuthSecret(
    path.resolve(config.PARLEY_DATA_DIR),
    env['PARLEY_AUTH_SECRET'],
  );
  if (demo && !env['TELEGRAM_BOT_TOKEN']) Object.assign(env, DEMO_TELEGRAM);
  // Plain HTTP on this machine only: the refresh cookie is not Secure unless the variable says so.
  if (!env['PARLEY_COOKIE_SECURE'] && isLoopbackHost(config.HOST))
    env['PARLEY_COOKIE_SECURE'] = 'false';
  const gateway = loadConfigOrExit(GatewayConfig, env);
  const telegram = loadConfigOrExit(TelegramChannelConfig, env);
  const signals = stopOnSignals('standalone');

  const health = new HealthRegistry();
  const engines = await startEmbeddedInfrastructure(
    config.PARLEY_DATA_DIR,
    health,
    gateway.COMMAND_TIMEOUT_MS,
  );
  signals.onStop(engines.close);
  const service = await startNestService({
    serviceName: 'standalone',
    ports: {
      store: engines.store,
      bus: engines.bus,
      health,
      workspace: { defaultWorkspaceId: config.WORKSPACE_ID },
      readStore: engines.readStore,
      commandSender: engines.commandSender,
    },
    modules: [
      StandaloneModule.register({
        gateway,
        telegram: isTelegramChannelEnabled(telegram) ? telegram : null,
      }),
    ],
    http: { port: config.PORT, host: config.HOST },
    logLevels: logLevelsUpTo(config.LOG_LEVEL),
    configure: (app) => configureGateway(app),
  });
  signals.onStop(service.close);
  const boot = await engines.startRelay();
  process.stdout.write(
    `read models rebuilt from ${boot.rebuiltFromEvents} events; relay resumes ` +
      `${boot.relayResumesAfter === undefined ? 'from the start' : `after position ${boot.relayResumesAfter}`}\n`,
  );
  if (demo) await seedDemoWorkspace(engines.store, config.WORKSPACE_ID, telegram);

  const port = new URL(service.url!).port;
  // Always printed, whatever LOG_LEVEL: scripts and tests wait for this line.
  process.stdout.write(`Parley listening on http://localhost:${port}\n`);
  if (isTelegramChannelEnabled(telegram)) {
    process.stdout.write(
      `Telegram webhook: POST http://localhost:${port}/channels/telegram/webhook\n`,
    );
  }
};

/** 127.0.0.0/8, ::1 or localhost: reachable from this machine only. */
const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

main().catch((e: unknown) => {
  process.stderr.write(`standalone failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
