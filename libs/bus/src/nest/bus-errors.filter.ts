import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';

/**
 * One global filter for both sides of a process: HTTP errors get Nest's usual answers, while an
 * error in an @EventPattern handler is rethrown as it is, so the bus retries the message and
 * the dead-letter header names the real error (Nest's RPC default says "Internal server error").
 * PlatformModule registers it as APP_FILTER; a bare microservice can `useGlobalFilters` it.
 */
@Catch()
export class BusErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() === 'rpc') return throwError(() => exception);
    return super.catch(exception, host);
  }
}
