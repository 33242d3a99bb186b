import type { DynamicModule, INestApplication, LogLevel, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { BusTransportStrategy } from '@parley/bus';
import { applyHttpBoundaries } from '../http/http-boundaries';
import { PlatformModule, type PlatformPorts } from '../platform.module';

export interface NestServiceOptions {
  /** Consumer-group prefix of this process's event handlers: `conversation`, `standalone`, ... */
  readonly serviceName: string;
  readonly ports: PlatformPorts;
  /** The service modules to mount (each `XServiceModule.register()`). */
  readonly modules: readonly (DynamicModule | Type<unknown>)[];
  /** Listen for HTTP (health, and the API where mounted); false for none. */
  readonly http: { readonly port: number; readonly host: string } | false;
  readonly logLevels?: readonly LogLevel[];
  /**
   * Extra setup on the HTTP app before it listens (global pipes, static files, WebSocket), after
   * the HTTP boundaries every process gets (security headers, JSON-only bodies with limits).
   */
  readonly configure?: (app: INestApplication) => void | Promise<void>;
}

export interface RunningNestService {
  readonly app: INestApplication;
  /** `http://127.0.0.1:{port}` when listening. */
  readonly url: string | null;
  close(): Promise<void>;
}

/**
 * Boot one process's Nest application: the platform ports, the service modules, their
 * @EventPattern handlers on the bus (BusTransportStrategy), and HTTP with its boundaries
 * (applyHttpBoundaries; Nest's own body parsers are off). Used by every app's main.ts, by the
 * standalone and by service tests alike.
 */
export const startNestService = async (
  options: NestServiceOptions,
): Promise<RunningNestService> => {
  @Module({ imports: [PlatformModule.register(options.ports), ...options.modules] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, {
    logger: options.logLevels ? [...options.logLevels] : ['error', 'warn', 'log'],
    // The only body parser is applyHttpBoundaries' JSON one: Nest's would take forms too.
    bodyParser: false,
  });
  applyHttpBoundaries(app);
  app.connectMicroservice<MicroserviceOptions>(
    {
      strategy: new BusTransportStrategy({
        bus: options.ports.bus,
        serviceName: options.serviceName,
      }),
    },
    { inheritAppConfig: false },
  );
  await options.configure?.(app);
  await app.startAllMicroservices();
  let url: string | null = null;
  if (options.http) {
    await app.listen(options.http.port, options.http.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : options.http.port;
    url = `http://127.0.0.1:${port}`;
  } else {
    await app.init();
  }
  return { app, url, close: () => app.close() };
};
