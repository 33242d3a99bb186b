import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Req } from '@nestjs/common';
import type { HealthRequest, HealthSummary } from './health-detail-access';
import { HealthRegistry, type HealthReport } from './health-registry';
import { visibleHealthReport } from './visible-health-report';

/**
 * Liveness (`/health/live`, public) and readiness (`/health`, 503 when any check is down). The
 * readiness answer is `{status}` only, unless a registered rule lets the request see the detail
 * (on the gateway: an admin's access token); the ops port (`startHealthOpsListener`) shows it all.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthRegistry) private readonly registry: HealthRegistry) {}

  @Get()
  async health(@Req() request: HealthRequest): Promise<HealthReport | HealthSummary> {
    const { report } = await visibleHealthReport(this.registry, request);
    if (report.status !== 'up') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }
}
