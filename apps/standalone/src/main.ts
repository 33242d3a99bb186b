import 'reflect-metadata';
import path from 'node:path';
import { isTelegramChannelEnabled, TelegramChannelConfig } from '@parley/channel-telegram';
import { loadConfigOrExit } from '@parley/config';
import { configureGateway, GatewayConfig } from '@parley/gateway';
import { createFileSystemMediaStore, MediaStoreConfig } from '@parley/media-store';
import {
  HealthRegistry,
  logLevelsUpTo,
  startHealthOpsListener,
  startNestService,
  stopOnSignals,
} from '@parley/platform';
import { rebuildOpsAction } from '@parley/projector-service';
import { TranslationConfig, translationOptionsFromConfig } from '@parley/translation-service';
import { embeddedAdminPassword } from './admin-password';
import { embeddedAuthSecret, embeddedSecretKey } from './auth-secret';
import { seedDemoWorkspace } from './demo/seed-demo-workspace';
import { startEmbeddedInfrastructure } from './embedded-infrastructure';
import { isLoopbackHost } from './loopback-host';
import { DEMO_MANAGER, DEMO_TELEGRAM, StandaloneConfig } from './standalone.config';
import { StandaloneModule } from './standalone.module';
import { renderStatusPage } from './status-page/render-status-page';

/**
 * `npm start` (add `-- --demo` for a seeded workspace): all of Parley in one process, on
 * 127.0.0.1 unless HOST says otherwise. The first start creates the admin with a generated
 * password, printed once; the demo's published manager and bot secret exist only with `--demo`,
 * which a non-loopback HOST refuses.
 */
const main = async (): Promise<void> => {
  const demo = process.argv.includes('--demo');
  const config = loadConfigOrExit(StandaloneConfig);
  if (demo && !isLoopbackHost(config.HOST)) {
    process.stderr.write(
      `--demo: refused with HOST=${config.HOST}. The demo's manager password and bot secret ` +
        'are published in the README, so --demo listens on this machine only: unset HOST or set ' +
        'it to 127.0.0.1, or start without --demo.\n',
    );
    process.exit(78);
  }
  const env = { ...process.env };
  const dataDir = path.resolve(config.PARLEY_DATA_DIR);
  env['PARLEY_AUTH_SECRET'] = embeddedAuthSecret(dataDir, env['PARLEY_AUTH_SECRET']);
  env['PARLEY_SECRET_KEY'] = embeddedSecretKey(dataDir, env['PARLEY_SECRET_KEY']);
  if (demo && !env['TELEGRAM_BOT_TOKEN']) Object.assign(env, DEMO_TELEGRAM);
  if (demo && !env['PARLEY_MANAGER_PASSWORD']) {
    env['PARLEY_MANAGER_EMAIL'] ||= DEMO_MANAGER.PARLEY_MANAGER_EMAIL;
    env['PARLEY_MANAGER_PASSWORD'] = DEMO_MANAGER.PARLEY_MANAGER_PASSWORD;
  }
  // Plain HTTP on this machine only: the refresh cookie is not Secure unless the variable says so.
  if (!env['PARLEY_COOKIE_SECURE'] && isLoopbackHost(config.HOST))
    env['PARLEY_COOKIE_SECURE'] = 'false';
  const gateway = loadConfigOrExit(GatewayConfig, env);
  const telegram = loadConfigOrExit(TelegramChannelConfig, env);
  const translation = loadConfigOrExit(TranslationConfig, env);
  const admin = await embeddedAdminPassword(dataDir, env['PARLEY_ADMIN_PASSWORD']);
  const signals = stopOnSignals('standalone');

  const health = new HealthRegistry();
  const engines = await startEmbeddedInfrastructure(
    config.PARLEY_DATA_DIR,
    health,
    gateway.COMMAND_TIMEOUT_MS,
  );
  signals.onStop(engines.close);
  // Media files live beside PGlite, under the data directory, named by Parley's own ids.
  const mediaStore = await createFileSystemMediaStore({
    directory: path.join(dataDir, 'media'),
    maxBytes: loadConfigOrExit(MediaStoreConfig, env).MEDIA_MAX_BYTES,
  });
  signals.onStop(() => mediaStore.close());
  health.register({
    name: 'media',
    description: 'media store (files under the data directory)',
    check: () => mediaStore.check(),
  });
  const service = await startNestService({
    serviceName: 'standalone',
    ports: {
      store: engines.store,
      bus: engines.bus,
      health,
      workspace: { defaultWorkspaceId: config.WORKSPACE_ID },
      readStore: engines.readStore,
      searchIndex: engines.searchIndex,
      commandSender: engines.commandSender,
    },
    modules: [
      StandaloneModule.register({
        gateway,
        adminPasswordHash: admin.hash,
        telegram: isTelegramChannelEnabled(telegram) ? telegram : null,
        mediaStore,
        // `--demo`: the labelled demo assistant answers where no AI assistant is configured.
        translation: { ...translationOptionsFromConfig(translation), demo },
      }),
    ],
    http: { port: config.PORT, host: config.HOST },
    logLevels: logLevelsUpTo(config.LOG_LEVEL),
    configure: (app) => configureGateway(app),
  });
  signals.onStop(service.close);
  if (config.HEALTH_PORT) {
    const ops = await startHealthOpsListener({
      registry: health,
      port: config.HEALTH_PORT,
      host: '127.0.0.1',
      pages: [
        {
          path: '/health/status',
          contentType: 'text/html; charset=utf-8',
          render: (report) => renderStatusPage({ detailed: true, report }),
        },
      ],
      // O4: the read models are in this process's memory, so their online rebuild runs here
      // (`npm run rebuild -- <read model> --ops <this url>`).
      actions: [rebuildOpsAction(engines.store, engines.readStore)],
    });
    signals.onStop(ops.close);
    process.stdout.write(`Health (ops only): ${ops.url}/health and ${ops.url}/health/status\n`);
  }
  const boot = await engines.startRelay();
  process.stdout.write(
    `read models rebuilt from ${boot.rebuiltFromEvents} events; relay resumes ` +
      `${boot.relayResumesAfter === undefined ? 'from the start' : `after position ${boot.relayResumesAfter}`}\n`,
  );
  if (demo) await seedDemoWorkspace(engines.store, config.WORKSPACE_ID, telegram);

  const port = new URL(service.url!).port;
  if (admin.generated) {
    // Printed once, whatever LOG_LEVEL: only the hash is kept.
    process.stdout.write(
      `\nAdmin account created: ${gateway.PARLEY_ADMIN_EMAIL} / ${admin.generated}\n` +
        `This password is shown only now; its hash is kept in ${admin.file} ` +
        '(delete that file and restart for a new one).\n\n',
    );
  }
  if (demo && gateway.PARLEY_MANAGER_PASSWORD === DEMO_MANAGER.PARLEY_MANAGER_PASSWORD) {
    process.stdout.write(
      `Demo manager: ${gateway.PARLEY_MANAGER_EMAIL} / ${DEMO_MANAGER.PARLEY_MANAGER_PASSWORD}\n`,
    );
  }
  // Always printed, whatever LOG_LEVEL: scripts and tests wait for this line.
  process.stdout.write(`Parley listening on http://localhost:${port}\n`);
  if (isTelegramChannelEnabled(telegram)) {
    process.stdout.write(
      `Telegram webhook: POST http://localhost:${port}/channels/telegram/webhook\n`,
    );
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`standalone failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
