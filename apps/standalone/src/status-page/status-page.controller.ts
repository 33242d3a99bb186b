import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { HealthRegistry, visibleHealthReport, type HealthRequest } from '@parley/platform';
import { renderStatusPage } from './render-status-page';

/**
 * The page at `/health/status`: whether Parley is up, and, for an admin's access token, what runs
 * in this process. The whole page for a browser is on the ops port (HEALTH_PORT).
 */
@Controller()
export class StatusPageController {
  constructor(@Inject(HealthRegistry) private readonly registry: HealthRegistry) {}

  @Get('health/status')
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Req() request: HealthRequest): Promise<string> {
    return renderStatusPage(await visibleHealthReport(this.registry, request));
  }
}
