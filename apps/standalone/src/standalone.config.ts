import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

/** `npm start`'s settings: every one has a default, so a fresh machine needs none. */
export class StandaloneConfig {
  /** HTTP port of the gateway. */
  @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsString() @IsNotEmpty() HOST: string = '0.0.0.0';
  /** Where PGlite keeps the event store (created if missing). */
  @IsString() @IsNotEmpty() PARLEY_DATA_DIR: string = '.data/standalone';
  @IsIn(['error', 'warn', 'log', 'debug']) LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}
