import { type ArgumentsHost, Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC exception filter replaces a handler's error with "Internal server error".
 * With this filter (`app.useGlobalFilters(new RethrowToBus())`) the original error reaches the
 * bus, so the dead-letter header names it.
 */
@Catch()
export class RethrowToBus implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
