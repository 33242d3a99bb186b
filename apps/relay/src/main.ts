import 'reflect-metadata';
import { Pool } from 'pg';
import { createKafkaBus } from '@parley/bus';
import { loadConfigOrExit } from '@parley/config';
import { createPostgresEventStore, postgresPoolConfig } from '@parley/eventstore';
import { Relay, SqlCheckpointStore } from '@parley/relay';
import { RelayConfig } from './relay.config';

const log = (line: string): void => {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), service: 'relay', msg: line })}\n`,
  );
};

/**
 * The relay process of the distributed and local real-infra modes: publishes every event the
 * PostgreSQL store holds to Kafka, in order, and checkpoints in the same database.
 */
const main = async (): Promise<void> => {
  const config = loadConfigOrExit(RelayConfig);
  const store = await createPostgresEventStore({
    connectionString: config.EVENT_STORE_URL,
    schema: config.EVENT_STORE_SCHEMA,
  });
  const pool = new Pool(postgresPoolConfig(config.EVENT_STORE_URL, 2));
  const bus = createKafkaBus({
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: `relay-${config.RELAY_NAME}`,
  });
  const relay = new Relay({
    store,
    bus,
    checkpoints: new SqlCheckpointStore(pool, config.EVENT_STORE_SCHEMA),
    name: config.RELAY_NAME,
    batchSize: config.RELAY_BATCH_SIZE,
    checkpointIntervalMs: config.RELAY_CHECKPOINT_INTERVAL_MS,
    log,
  });
  await relay.start();
  log(`relaying from position ${relay.position ?? 'start'} to ${config.KAFKA_BROKERS}`);

  const shutdown = async (signal: string): Promise<void> => {
    log(`${signal}: stopping at position ${relay.position ?? 'start'}`);
    await relay.stop();
    await bus.close();
    await pool.end();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
};

main().catch((e: unknown) => {
  process.stderr.write(`relay failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
