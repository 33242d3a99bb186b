import type { Actor } from '../envelope/actor';

export interface CommandMetadata {
  readonly workspaceId: string;
  /** The aggregate the command targets; the bus key, so one aggregate's commands stay in order. */
  readonly aggregateId: string;
  readonly issuedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
}

/** An imperative request to one service. `commandId` makes its outcome idempotent. */
export interface CommandEnvelope<TType extends string = string, TData = unknown> {
  readonly commandId: string;
  /** The service that handles it: the command goes to `parley.{service}.commands`. */
  readonly service: string;
  readonly type: TType;
  readonly data: TData;
  readonly metadata: CommandMetadata;
}
