import type { Actor } from './actor';

/**
 * Metadata every event carries (docs/architecture.md, Events).
 * `workspaceId` is part of every id: many companies share one deployment.
 */
export interface EventMetadata {
  readonly eventId: string;
  readonly workspaceId: string;
  readonly aggregateId: string;
  /** ISO-8601 instant, set by the caller: domain code never reads the clock. */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  /** The first message of the chain (a webhook update, an HTTP request). */
  readonly correlationId: string;
  /** The message that directly caused this one; null for a chain's first event. */
  readonly causationId: string | null;
  readonly actor: Actor;
}
