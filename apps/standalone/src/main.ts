import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@parley/config';
import { HealthRegistry } from '@parley/platform';
import {
  startEmbeddedInfrastructure,
  type EmbeddedInfrastructure,
} from './embedded-infrastructure';
import { StandaloneConfig } from './standalone.config';
import { StandaloneModule } from './standalone.module';

const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;

/** `npm start`: all of Parley in one process, nothing to install but Node. */
const main = async (): Promise<void> => {
  const config = loadConfigOrExit(StandaloneConfig);
  const logger = new Logger('standalone');
  const running: { infrastructure?: EmbeddedInfrastructure; app?: INestApplication } = {};

  // Registered first, so a signal during boot also shuts down cleanly.
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`);
    await running.app?.close();
    await running.infrastructure?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const health = new HealthRegistry();
  running.infrastructure = await startEmbeddedInfrastructure(config.PARLEY_DATA_DIR, health);
  if (closing) return;
  const app = await NestFactory.create(StandaloneModule.register(health), {
    logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
  running.app = app;
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // Always printed, whatever LOG_LEVEL: scripts and tests wait for this line.
  process.stdout.write(`Parley listening on http://localhost:${port}\n`);
};

main().catch((e: unknown) => {
  process.stderr.write(`standalone failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
