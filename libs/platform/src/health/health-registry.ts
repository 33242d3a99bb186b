import type { HealthDetailAccess, HealthRequest } from './health-detail-access';

/** A part of the process whose state the health page and readiness probe report. */
export interface HealthCheck {
  readonly name: string;
  /** What it is, in a few words: "event store (PGlite, .data/standalone)". */
  readonly description: string;
  /**
   * Resolves when healthy, with a `detail` to show beside it if there is one ("3 dead letters");
   * rejects or resolves with a reason string when not.
   */
  check(): Promise<void | string | HealthDetail>;
}

/** What a healthy part says of itself, e.g. how many letters its dead-letter topics hold. */
export interface HealthDetail {
  readonly detail: string;
}

export interface HealthReport {
  readonly status: 'up' | 'down';
  readonly checks: readonly {
    name: string;
    description: string;
    status: 'up' | 'down';
    reason?: string;
    detail?: string;
  }[];
}

/** Collects the checks of every module mounted in the process. */
export class HealthRegistry {
  private readonly checks: HealthCheck[] = [];
  private readonly detailAccess: HealthDetailAccess[] = [];

  register(check: HealthCheck): void {
    if (this.checks.some((c) => c.name === check.name))
      throw new Error(`health check ${check.name} registered twice`);
    this.checks.push(check);
  }

  /** Let requests this rule accepts see the detailed report on the public port. */
  revealDetailsWhen(rule: HealthDetailAccess): void {
    this.detailAccess.push(rule);
  }

  /** True when a registered rule accepts the request; a rule that throws accepts nothing. */
  async mayShowDetails(request: HealthRequest): Promise<boolean> {
    for (const rule of this.detailAccess) {
      try {
        if (await rule(request)) return true;
      } catch {
        // a failing rule grants nothing
      }
    }
    return false;
  }

  async report(timeoutMs = 2000): Promise<HealthReport> {
    const checks = await Promise.all(
      this.checks.map(async (c) => {
        try {
          const result = await Promise.race([
            c.check(),
            new Promise<string>((r) =>
              setTimeout(() => r(`no answer within ${timeoutMs} ms`), timeoutMs).unref(),
            ),
          ]);
          if (typeof result === 'string' && result) {
            return {
              name: c.name,
              description: c.description,
              status: 'down' as const,
              reason: result,
            };
          }
          return {
            name: c.name,
            description: c.description,
            status: 'up' as const,
            ...(typeof result === 'object' && result ? { detail: result.detail } : {}),
          };
        } catch (e) {
          return {
            name: c.name,
            description: c.description,
            status: 'down' as const,
            reason: (e as Error).message,
          };
        }
      }),
    );
    return { status: checks.every((c) => c.status === 'up') ? 'up' : 'down', checks };
  }
}
