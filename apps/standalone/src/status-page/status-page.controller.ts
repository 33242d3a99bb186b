import { Controller, Get, Header, Inject } from '@nestjs/common';
import { HealthRegistry } from '@parley/platform';
import { renderStatusPage } from './render-status-page';

/** The page at `/health/status`: what runs in this process and whether it is up. */
@Controller()
export class StatusPageController {
  constructor(@Inject(HealthRegistry) private readonly registry: HealthRegistry) {}

  @Get('health/status')
  @Header('content-type', 'text/html; charset=utf-8')
  async page(): Promise<string> {
    return renderStatusPage(await this.registry.report());
  }
}
