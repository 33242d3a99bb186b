import type { IncomingHttpHeaders } from 'node:http';

/** What a detail-access rule sees of a `/health` request. */
export interface HealthRequest {
  readonly headers: IncomingHttpHeaders;
}

/**
 * Says whether a request may see the detailed health report (paths, brokers, descriptions,
 * details, errors). A module that knows who is calling registers one through
 * `HealthRegistry.revealDetailsWhen` (the gateway: "an admin's Bearer access token"); the
 * platform itself knows nobody, so without a rule everyone gets `{status}` only.
 */
export type HealthDetailAccess = (request: HealthRequest) => boolean | Promise<boolean>;

/** The health report anyone may see: up or down, nothing about what or where. */
export interface HealthSummary {
  readonly status: 'up' | 'down';
}
