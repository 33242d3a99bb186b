import { Catch, HttpException, Inject, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { TELEGRAM_CHANNEL_CONFIG } from '../bot/telegram-bot';
import { TelegramInboundUpdates } from '../inbound/telegram-inbound-updates';
import type { TelegramChannelConfig } from '../telegram-channel.config';
import { SECRET_TOKEN_HEADER, secretTokenMatches } from './secret-token';
import { refuseWebhookCall, TELEGRAM_WEBHOOK_PATH } from './telegram-webhook.controller';

/** Statuses of a body the HTTP layer could not read: broken JSON, too large, not JSON. */
const UNREADABLE_BODY_STATUSES: ReadonlySet<number> = new Set([400, 413, 415]);

/**
 * Whether the error is the HTTP layer refusing the body before any route ran: Nest's mapping of
 * the JSON parser's SyntaxError (400), or body-parser's own errors (`entity.parse.failed`,
 * `entity.too.large`, `encoding.unsupported`, ... with a 4xx status). The webhook controller
 * itself throws none of these: its only error is the 401 of a wrong secret.
 */
const isUnreadableBody = (exception: unknown): boolean => {
  if (exception instanceof HttpException) {
    return UNREADABLE_BODY_STATUSES.has(exception.getStatus());
  }
  if (typeof exception !== 'object' || exception === null) return false;
  const { type, status } = exception as { type?: unknown; status?: unknown };
  return (
    typeof type === 'string' &&
    /^(entity|encoding|charset)\./.test(type) &&
    typeof status === 'number' &&
    UNREADABLE_BODY_STATUSES.has(status)
  );
};

const isWebhookCall = (request: Request): boolean =>
  request.method === 'POST' && request.path.replace(/\/+$/, '') === `/${TELEGRAM_WEBHOOK_PATH}`;

/**
 * A webhook body the HTTP layer cannot read (not JSON, larger than the parser takes) fails in
 * the body parser, before the controller. On the webhook path this filter answers it as the
 * controller would: 401 without the right secret, else 200 with the body counted and logged
 * (there is no update_id to keep it by), so Telegram stops redelivering. Everything else, on
 * any path, gets Nest's usual answer, and errors on the bus are rethrown as they are (as the
 * platform's BusErrorsFilter does).
 */
@Catch()
export class WebhookUnparsableBodyFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('TelegramWebhook');

  constructor(
    @Inject(TELEGRAM_CHANNEL_CONFIG) private readonly config: TelegramChannelConfig,
    private readonly updates: TelegramInboundUpdates,
  ) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const request = host.switchToHttp().getRequest<Request>();
    if (!isWebhookCall(request) || !isUnreadableBody(exception)) {
      return super.catch(exception, host);
    }
    const response = host.switchToHttp().getResponse<Response>();
    const secretToken = request.headers[SECRET_TOKEN_HEADER];
    if (!secretTokenMatches(secretToken, this.config.TELEGRAM_WEBHOOK_SECRET)) {
      const refusal = refuseWebhookCall(this.logger, request, secretToken);
      response.status(refusal.getStatus()).json(refusal.getResponse());
      return;
    }
    this.updates.unreadable((exception as Error).message);
    response.status(200).json({ ok: true });
  }
}
