import {
  BadRequestException,
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
import { ContractViolation } from '@parley/contracts';
import type { Request } from 'express';
import { TELEGRAM_CHANNEL_CONFIG } from '../bot/telegram-bot';
import { TelegramInboundUpdates } from '../inbound/telegram-inbound-updates';
import type { TelegramChannelConfig } from '../telegram-channel.config';
import { SECRET_TOKEN_HEADER, secretTokenMatches } from './secret-token';
import { validateTelegramUpdate } from './validate-update';

export const TELEGRAM_WEBHOOK_PATH = 'channels/telegram/webhook';

/**
 * Telegram's webhook (setWebhook url = {public origin}/channels/telegram/webhook, secret_token =
 * TELEGRAM_WEBHOOK_SECRET). Answers 200 only after the update's event is stored: any other
 * answer makes Telegram deliver the update again, and the deterministic event id makes that
 * harmless.
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
      this.logger.warn(
        `webhook call from ${request.ip ?? request.socket.remoteAddress ?? 'unknown'} refused: ` +
          `${secretToken === undefined ? 'no' : 'wrong'} secret token`,
      );
      throw new UnauthorizedException({ statusCode: 401, message: 'invalid secret token' });
    }
    let update;
    try {
      update = validateTelegramUpdate(body);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      throw new BadRequestException({
        statusCode: 400,
        message: error.message,
        issues: error.issues,
      });
    }
    await this.updates.handle(update);
    return { ok: true };
  }
}
