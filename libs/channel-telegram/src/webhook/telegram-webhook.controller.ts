import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Logger,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { TELEGRAM_CHANNEL_CONFIG } from '../bot/telegram-bot';
import { TelegramInboundUpdates } from '../inbound/telegram-inbound-updates';
import type { TelegramChannelConfig } from '../telegram-channel.config';
import { SECRET_TOKEN_HEADER, secretTokenMatches } from './secret-token';

export const TELEGRAM_WEBHOOK_PATH = 'channels/telegram/webhook';

/** The 401 of a wrong or missing secret, logged with where the call came from. */
export const refuseWebhookCall = (
  logger: Logger,
  request: Request,
  secretToken: string | readonly string[] | undefined,
): UnauthorizedException => {
  logger.warn(
    `webhook call from ${request.ip ?? request.socket.remoteAddress ?? 'unknown'} refused: ` +
      `${secretToken === undefined ? 'no' : 'wrong'} secret token`,
  );
  return new UnauthorizedException({ statusCode: 401, message: 'invalid secret token' });
};

/**
 * Telegram's webhook (setWebhook url = {public origin}/channels/telegram/webhook, secret_token =
 * TELEGRAM_WEBHOOK_SECRET). Only a wrong or missing secret gets an error (401). With the right
 * secret every update gets 200 once what it becomes is stored: a client's event, a rejected
 * update with its reason, or a count of an ignored kind (see `classifyUpdate`), so Telegram never
 * redelivers an update Parley cannot use. A 5xx means the store failed: Telegram delivers the
 * update again, and the deterministic event id makes that harmless. A body that is not JSON is
 * answered by `WebhookUnparsableBodyFilter`.
 */
@Controller(TELEGRAM_WEBHOOK_PATH)
export class TelegramWebhookController {
  private readonly logger = new Logger('TelegramWebhook');

  constructor(
    @Inject(TELEGRAM_CHANNEL_CONFIG) private readonly config: TelegramChannelConfig,
    private readonly updates: TelegramInboundUpdates,
  ) {}

  @Post()
  @HttpCode(200)
  async receive(
    @Headers(SECRET_TOKEN_HEADER) secretToken: string | undefined,
    @Body() body: unknown,
    @Req() request: Request,
  ): Promise<{ ok: true }> {
    if (!secretTokenMatches(secretToken, this.config.TELEGRAM_WEBHOOK_SECRET)) {
      throw refuseWebhookCall(this.logger, request, secretToken);
    }
    await this.updates.receive(body);
    return { ok: true };
  }
}
