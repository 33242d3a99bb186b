/** One process of the multi-process mode. */
export interface PlannedService {
  readonly name: string;
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
}

/** The Redis `infra:up` starts. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * The processes of `npm run start:services`, each an app's main.ts with its settings. Pure, so
 * the plan is testable and the e2e test starts exactly what a developer starts.
 */
export const planServices = (o: ServicePlanOptions): PlannedService[] => {
  const common = { EVENT_STORE_URL: o.eventStoreUrl, KAFKA_BROKERS: o.kafkaBrokers };
  const services: PlannedService[] = [
    { name: 'relay', entry: 'apps/relay/src/main.ts', env: common },
    { name: 'conversation', entry: 'apps/conversation/src/main.ts', env: { ...common, PORT: '0' } },
    { name: 'crm', entry: 'apps/crm/src/main.ts', env: { ...common, PORT: '0' } },
    {
      name: 'channel-telegram',
      entry: 'apps/channel-telegram/src/main.ts',
      env: { ...common, PORT: String(o.telegramPort), HOST: '0.0.0.0' },
    },
  ];
  if (o.readStoreUrl) {
    services.push({
      name: 'projector',
      entry: 'apps/projector/src/main.ts',
      env: { ...common, PORT: '0', READ_STORE_URL: o.readStoreUrl },
    });
  }
  services.push({
    name: 'gateway',
    entry: 'apps/gateway/src/main.ts',
    env: {
      ...common,
      PORT: String(o.gatewayPort),
      HOST: '0.0.0.0',
      READ_STORE_URL: o.readStoreUrl,
      REDIS_URL: o.redisUrl ?? DEFAULT_REDIS_URL,
    },
  });
  return services;
};
