import { Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import type { LiveTicketResponse } from '@parley/contracts';
import { AccessTokenGuard } from '../auth/access-token.guard';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { LIVE_TICKET_TTL_SECONDS, LiveTickets } from './live-tickets';

/** `POST /api/live/ticket`: a one-time ticket for the WebSocket, for the Bearer's user. */
@Controller('api/live')
export class LiveTicketController {
  constructor(@Inject(LiveTickets) private readonly tickets: LiveTickets) {}

  @Post('ticket')
  @HttpCode(200)
  @UseGuards(AccessTokenGuard)
  async ticket(@Req() request: AuthenticatedRequest): Promise<LiveTicketResponse> {
    const ticket = await this.tickets.issue({
      userId: request.user.id,
      accessTokenExpiresAt: request.accessTokenExpiresAt,
    });
    return { ticket, expiresInSeconds: LIVE_TICKET_TTL_SECONDS };
  }
}
