import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { HealthRegistry, type HealthReport } from './health-registry';

/** Liveness (`/health/live`) and readiness (`/health`, 503 when any check is down). */
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthRegistry) private readonly registry: HealthRegistry) {}

  @Get()
  async health(): Promise<HealthReport> {
    const report = await this.registry.report();
    if (report.status !== 'up') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }
}
