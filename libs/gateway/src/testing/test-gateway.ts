import { createInProcessBus, type Bus } from '@parley/bus';
import { CommandSender } from '@parley/command-handling';
import { loadConfig } from '@parley/config';
import { newId, type SignInResponse } from '@parley/contracts';
import { createPgliteEventStore, type EventStore } from '@parley/eventstore';
import { HealthRegistry, startNestService, type RunningNestService } from '@parley/platform';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { freePort } from '@parley/test-infra';
import { configureGateway, type ConfigureGatewayOptions } from '../configure-gateway';
import { GatewayConfig } from '../gateway.config';
import { GatewayServiceModule } from '../gateway-service.module';

export const TEST_WORKSPACE = 'ws1';
export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const ADMIN = { email: 'admin@parley.local', password: 'parley-admin' };
export const MANAGER = { email: 'manager@parley.local', password: 'parley-manager' };

export interface TestGateway {
  readonly url: string;
  readonly store: EventStore;
  readonly bus: Bus;
  readonly readStore: ReadStore;
  readonly service: RunningNestService;
  /** fetch `path` on the gateway, JSON in and out. */
  call(
    path: string,
    init?: { method?: string; token?: string; body?: unknown; cookie?: string },
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  signIn(who?: { email: string; password: string }): Promise<SignInResponse>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly configure?: ConfigureGatewayOptions;
  /** Default: a fresh in-process bus. The gateway closes it. */
  readonly bus?: Bus;
  /** Default TEST_WORKSPACE. */
  readonly workspaceId?: string;
}

/**
 * The gateway module for real: PGlite in memory, the in-process bus (or the one given), the in-memory read store,
 * a started CommandSender, HTTP on a free port. The test adds processors and relays it needs.
 */
export const startTestGateway = async (options: TestGatewayOptions = {}): Promise<TestGateway> => {
  const config = loadConfig(GatewayConfig, { PARLEY_AUTH_SECRET: TEST_SECRET, ...options.env });
  const store = await createPgliteEventStore();
  const bus = options.bus ?? createInProcessBus();
  const readStore = createInMemoryReadStore();
  const commandSender = new CommandSender({ bus, instanceId: newId() });
  await commandSender.start();
  const service = await startNestService({
    serviceName: 'gateway-test',
    ports: {
      store,
      bus,
      readStore,
      commandSender,
      health: new HealthRegistry(),
      workspace: { defaultWorkspaceId: options.workspaceId ?? TEST_WORKSPACE },
    },
    modules: [GatewayServiceModule.register(config)],
    http: { port: await freePort(), host: '127.0.0.1' },
    logLevels: ['error'],
    configure: (app) => configureGateway(app, { webDir: false, ...options.configure }),
  });
  const url = service.url!;

  const call: TestGateway['call'] = async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    if (init.cookie) headers['cookie'] = init.cookie;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers };
  };

  return {
    url,
    store,
    bus,
    readStore,
    service,
    call,
    signIn: async (who = MANAGER) => {
      const { status, body } = await call('/api/auth/login', { body: who });
      if (status !== 200) throw new Error(`sign-in failed: ${status} ${JSON.stringify(body)}`);
      return body as SignInResponse;
    },
    close: async () => {
      await service.close();
      await commandSender.stop();
      await readStore.close();
      await bus.close();
      await store.close();
    },
  };
};
