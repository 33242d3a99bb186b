import type { HealthRequest, HealthSummary } from './health-detail-access';
import type { HealthRegistry, HealthReport } from './health-registry';

/** The report a request may see: the whole one, or only `{status}` (see HealthDetailAccess). */
export type VisibleHealthReport =
  | { readonly detailed: true; readonly report: HealthReport }
  | { readonly detailed: false; readonly report: HealthSummary };

/** The health report as this request may see it; `request` absent: the ops port, all of it. */
export const visibleHealthReport = async (
  registry: HealthRegistry,
  request: HealthRequest | null,
): Promise<VisibleHealthReport> => {
  const report = await registry.report();
  if (request === null || (await registry.mayShowDetails(request)))
    return { detailed: true, report };
  return { detailed: false, report: { status: report.status } };
};
