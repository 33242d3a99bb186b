/** One process of the multi-process mode. */
export interface PlannedService {
  readonly name: string;
  /** The app's main.ts, relative to the repository root. */
  readonly source: string;
  /** What node runs: `source` compiled by `npm run build:services` (dist/node/...main.js). */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface ServicePlanOptions {
  readonly eventStoreUrl: string;
  readonly kafkaBrokers: string;
  readonly gatewayPort: number;
  readonly telegramPort: number;
  /** mongodb://... to run the projector as its own process; empty: the gateway projects. */
  readonly readStoreUrl: string;
  /**
   * The gateway's sign-in limits and session records; default the Redis of infra:up. Empty: in
   * the gateway's memory (then only one gateway process may run).
   */
  readonly redisUrl?: string;
  /**
   * PARLEY_SECRET_KEY for the two processes that seal and open AI assistants' keys: the gateway
   * (seals the key before it goes on the bus) and translation (opens it, seals the settings).
   */
  readonly secretKey: string;
}

/** The Redis `infra:up` starts. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Where `npm run build:services` puts the JavaScript of the services, relative to the root. */
export const COMPILED_DIR = 'dist/node';

/** `apps/crm/src/main.ts` -> `dist/node/apps/crm/src/main.js`. */
export const compiledEntry = (source: string): string =>
  `${COMPILED_DIR}/${source.replace(/\.ts$/, '.js')}`;

const planSources = (o: ServicePlanOptions): Omit<PlannedService, 'entry'>[] => {
  const common = { EVENT_STORE_URL: o.eventStoreUrl, KAFKA_BROKERS: o.kafkaBrokers };
  const services: Omit<PlannedService, 'entry'>[] = [
    { name: 'relay', source: 'apps/relay/src/main.ts', env: common },
    {
      name: 'conversation',
      source: 'apps/conversation/src/main.ts',
      env: { ...common, PORT: '0' },
    },
    { name: 'crm', source: 'apps/crm/src/main.ts', env: { ...common, PORT: '0' } },
    {
      name: 'tasks-notes',
      source: 'apps/tasks-notes/src/main.ts',
      // Its reminders wait in Redis (BullMQ) whatever the gateway keeps in memory.
      env: { ...common, PORT: '0', REDIS_URL: o.redisUrl || DEFAULT_REDIS_URL },
    },
    {
      name: 'robots',
      source: 'apps/robots/src/main.ts',
      // Its no-reply timers wait in Redis (BullMQ), so they outlive a restart.
      env: { ...common, PORT: '0', REDIS_URL: o.redisUrl || DEFAULT_REDIS_URL },
    },
    {
      name: 'translation',
      source: 'apps/translation/src/main.ts',
      // Its translation cache is shared through Redis, as its replicas would share it.
      env: {
        ...common,
        PORT: '0',
        REDIS_URL: o.redisUrl || DEFAULT_REDIS_URL,
        PARLEY_SECRET_KEY: o.secretKey,
      },
    },
    {
      name: 'channel-telegram',
      source: 'apps/channel-telegram/src/main.ts',
      // Its send limits are shared through Redis, as its replicas would share them.
      env: {
        ...common,
        PORT: String(o.telegramPort),
        HOST: '0.0.0.0',
        REDIS_URL: o.redisUrl ?? DEFAULT_REDIS_URL,
        // It fetches clients' files into the media store the gateway serves from.
        READ_STORE_URL: o.readStoreUrl,
      },
    },
  ];
  if (o.readStoreUrl) {
    services.push({
      name: 'projector',
      source: 'apps/projector/src/main.ts',
      env: { ...common, PORT: '0', READ_STORE_URL: o.readStoreUrl },
    });
  }
  services.push({
    name: 'gateway',
    source: 'apps/gateway/src/main.ts',
    env: {
      ...common,
      PORT: String(o.gatewayPort),
      HOST: '0.0.0.0',
      READ_STORE_URL: o.readStoreUrl,
      REDIS_URL: o.redisUrl ?? DEFAULT_REDIS_URL,
      PARLEY_SECRET_KEY: o.secretKey,
    },
  });
  return services;
};

/**
 * The processes of `npm run start:services`, each an app's main.ts (run compiled) with its
 * settings. Pure, so the plan is testable and the e2e test starts exactly what a developer starts.
 */
export const planServices = (o: ServicePlanOptions): PlannedService[] =>
  planSources(o).map((s) => ({ ...s, entry: compiledEntry(s.source) }));
