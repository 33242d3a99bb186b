import type { Bus } from '@parley/bus';
import { loadConfig } from '@parley/config';
import type { SignInResponse } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import type { RunningNestService } from '@parley/platform';
import { embeddedEngines, startServiceHarness } from '@parley/platform/testing';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import type { SearchIndex } from '@parley/search';
import { configureGateway, type ConfigureGatewayOptions } from '../configure-gateway';
import { GatewayConfig } from '../gateway.config';
import { GatewayServiceModule, type GatewayModuleOptions } from '../gateway-service.module';

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
  /** A one-time ticket for the WebSocket of this access token's user. */
  liveTicket(accessToken: string): Promise<string>;
  /** The WebSocket URL with a fresh ticket for this access token. */
  liveUrl(accessToken: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly configure?: ConfigureGatewayOptions;
  /** What the process gives the module besides its config (the admin's stored hash). */
  readonly module?: GatewayModuleOptions;
  /** Default: a fresh in-process bus. The gateway closes it. */
  readonly bus?: Bus;
  /** Default TEST_WORKSPACE. */
  readonly workspaceId?: string;
  /** Default: a fresh in-memory read store. The gateway closes it. */
  readonly readStore?: ReadStore;
  /** The search index behind `/api/search` (SEARCH_INDEX); the gateway closes it. Default none. */
  readonly searchIndex?: SearchIndex;
}

/**
 * The gateway module for real, with ADMIN and MANAGER as its users (explicit passwords): PGlite in memory, the in-process bus (or the one given), the in-memory read store,
 * a started CommandSender, HTTP on a free port. The test adds processors and relays it needs.
 */
export const startTestGateway = async (options: TestGatewayOptions = {}): Promise<TestGateway> => {
  const config = loadConfig(GatewayConfig, {
    PARLEY_AUTH_SECRET: TEST_SECRET,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    PARLEY_MANAGER_PASSWORD: MANAGER.password,
    ...options.env,
  });
  const harness = await startServiceHarness({
    engines: embeddedEngines({ bus: options.bus }),
    serviceName: 'gateway-test',
    workspaceId: options.workspaceId ?? TEST_WORKSPACE,
    readStore: options.readStore ?? createInMemoryReadStore(),
    ...(options.searchIndex && { searchIndex: options.searchIndex }),
    commandSender: true,
    modules: [GatewayServiceModule.register(config, options.module)],
    http: true,
    relay: false,
    configure: (app) => configureGateway(app, { webDir: false, ...options.configure }),
  });
  const { store, bus, service } = harness;
  const readStore = harness.readStore!;
  const url = harness.url!;

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

  const liveTicket = async (accessToken: string): Promise<string> => {
    const { status, body } = await call('/api/live/ticket', { method: 'POST', token: accessToken });
    if (status !== 200) throw new Error(`live ticket: ${status} ${JSON.stringify(body)}`);
    return (body as { ticket: string }).ticket;
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
    liveTicket,
    liveUrl: async (accessToken) =>
      `${url.replace(/^http/, 'ws')}/api/live?ticket=${await liveTicket(accessToken)}`,
    close: () => harness.close(),
  };
};
