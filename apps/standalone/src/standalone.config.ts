import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

/** `npm start`'s settings: every one has a default, so a fresh machine needs none. */
export class StandaloneConfig {
  /** HTTP port of the gateway (the web app, the API, the Telegram webhook). */
  @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsString() @IsNotEmpty() HOST: string = '0.0.0.0';
  /** Where PGlite keeps the event store, and the generated auth secret (created if missing). */
  @IsString() @IsNotEmpty() PARLEY_DATA_DIR: string = '.data/standalone';
  /** The workspace of this installation. */
  @IsString() @IsNotEmpty() WORKSPACE_ID: string = 'default';
  @IsIn(['error', 'warn', 'log', 'debug']) LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}

/** The demo bot of `npm start -- --demo` when no real token is set: webhooks work, replies cannot reach Telegram. */
export const DEMO_TELEGRAM = {
  TELEGRAM_BOT_TOKEN: '1000000001:parley-demo-token',
  TELEGRAM_WEBHOOK_SECRET: 'parley-demo-secret',
  TELEGRAM_BOT_USERNAME: 'parley_demo_bot',
} as const;
