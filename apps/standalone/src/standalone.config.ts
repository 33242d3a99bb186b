import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

/** `npm start`'s settings: every one has a default, so a fresh machine needs none. */
export class StandaloneConfig {
  /** HTTP port of the gateway (the web app, the API, the Telegram webhook). */
  @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  /**
   * The address to listen on: this machine only unless told otherwise (`0.0.0.0` for every
   * interface; then put TLS in front and keep `--demo` off).
   */
  @IsString() @IsNotEmpty() HOST: string = '127.0.0.1';
  /**
   * The ops-only port: a second listener on 127.0.0.1 with the detailed `/health` and the
   * status page (`/health/status`) for whoever can reach this machine. 0: none.
   */
  @IsInt() @Min(0) @Max(65535) HEALTH_PORT: number = 0;
  /**
   * Where PGlite keeps the event store, the generated auth secret and the admin password's hash
   * (created if missing).
   */
  @IsString() @IsNotEmpty() PARLEY_DATA_DIR: string = '.data/standalone';
  /** The workspace of this installation. */
  @IsString() @IsNotEmpty() WORKSPACE_ID: string = 'default';
  @IsIn(['error', 'warn', 'log', 'debug']) LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}

/**
 * The demo bot of `npm start -- --demo` when no real token is set: webhooks work, replies cannot
 * reach Telegram. Its secret is published, so `--demo` runs on a loopback HOST only.
 */
export const DEMO_TELEGRAM = {
  TELEGRAM_BOT_TOKEN: '1000000001:parley-demo-token',
  TELEGRAM_WEBHOOK_SECRET: 'parley-demo-secret',
  TELEGRAM_BOT_USERNAME: 'parley_demo_bot',
} as const;

/** The demo's manager (`npm start -- --demo` when PARLEY_MANAGER_PASSWORD is not set): published, loopback only. */
export const DEMO_MANAGER = {
  PARLEY_MANAGER_EMAIL: 'manager@parley.local',
  PARLEY_MANAGER_PASSWORD: 'parley-manager',
} as const;
