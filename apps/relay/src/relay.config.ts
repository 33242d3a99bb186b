import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

/** The relay as its own process: PostgreSQL event store → Kafka. */
export class RelayConfig {
  /** The PostgreSQL event store (the outbox). */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  EVENT_STORE_URL: string = 'postgres://postgres@127.0.0.1:5432/parley';
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier' })
  EVENT_STORE_SCHEMA: string = 'parley';
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be host:port[,host:port...]' })
  KAFKA_BROKERS: string = '127.0.0.1:19092';
  /** Checkpoint name: one per relay deployment (replicas of one deployment share it). */
  @IsString() @IsNotEmpty() RELAY_NAME: string = 'relay';
  @IsInt() @Min(1) @Max(10_000) RELAY_BATCH_SIZE: number = 500;
  /**
   * Save the checkpoint at most this often (and when idle or stopping); 0 saves after every
   * batch, which at a few events a second is one more database write per event. A crash
   * republishes at most this much, which consumers drop by event id.
   */
  @IsInt() @Min(0) @Max(60_000) RELAY_CHECKPOINT_INTERVAL_MS: number = 1_000;
  @IsIn(['error', 'warn', 'info', 'debug']) LOG_LEVEL: string = 'info';
}
