import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

/**
 * Settings every service process reads (local real-infra and distributed modes). Each app adds
 * its own class for its own settings.
 */
export class ServiceProcessConfig {
  /** HTTP port for health (and the API or webhook where the service has one). */
  @IsInt() @Min(0) @Max(65535) PORT: number = 0;
  @IsString() @IsNotEmpty() HOST: string = '127.0.0.1';
  /**
   * The ops-only port: a second listener with the detailed `/health` (paths, brokers, errors),
   * which the public port shows to nobody but a gateway's admins. 0: none.
   */
  @IsInt() @Min(0) @Max(65535) HEALTH_PORT: number = 0;
  /** Where the ops port listens: this machine only unless told (a pod IP for probes, say). */
  @IsString() @IsNotEmpty() HEALTH_HOST: string = '127.0.0.1';
  /** The event store: postgres://... (local real-infra) or esdb://... (distributed). */
  @Matches(/^(postgres(ql)?|esdb|kurrentdb):\/\//, {
    message: 'must be a postgres:// or esdb:// URL',
  })
  EVENT_STORE_URL: string = 'postgres://postgres@127.0.0.1:5432/parley';
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier' })
  EVENT_STORE_SCHEMA: string = 'parley';
  /** Comma-separated host:port list of Kafka brokers. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be host:port[,host:port...]' })
  KAFKA_BROKERS: string = '127.0.0.1:19092';
  /** The workspace this deployment serves until workspaces are managed in the app. */
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'must be lower-case letters, digits, _ or -' })
  WORKSPACE_ID: string = 'default';
  @IsIn(['error', 'warn', 'log', 'debug']) LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;

/** Nest log levels up to and including `level`. */
export const logLevelsUpTo = (level: (typeof LOG_LEVELS)[number]) =>
  LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
