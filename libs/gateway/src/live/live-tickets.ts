import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { GatewayRedis } from '../sessions/gateway-redis';

/** How long a ticket may wait for its WebSocket, in seconds. */
export const LIVE_TICKET_TTL_SECONDS = 30;

/** Who a ticket lets in, and until when their access token is valid (epoch seconds). */
export interface LiveTicketHolder {
  readonly userId: string;
  readonly accessTokenExpiresAt: number;
}

const REDIS_PREFIX = 'parley:live-ticket:';

/**
 * One-time tickets for the WebSocket, so the access token never sits in a URL (proxy and
 * server logs keep URLs). `POST /api/live/ticket` with the Bearer token issues one; the upgrade
 * redeems it once, within LIVE_TICKET_TTL_SECONDS. With REDIS_URL the tickets live in Redis, so
 * the upgrade may reach another replica than the POST; otherwise in this process's memory. Only
 * a hash of the ticket is kept.
 */
@Injectable()
export class LiveTickets {
  private readonly inMemory = new Map<string, LiveTicketHolder & { readonly until: number }>();

  constructor(@Inject(GatewayRedis) private readonly redis: GatewayRedis) {}

  async issue(holder: LiveTicketHolder, now = Date.now()): Promise<string> {
    const ticket = randomBytes(32).toString('base64url');
    const key = keyOf(ticket);
    const value = { userId: holder.userId, accessTokenExpiresAt: holder.accessTokenExpiresAt };
    if (this.redis.client) {
      await this.redis.client.set(
        `${REDIS_PREFIX}${key}`,
        JSON.stringify(value),
        'EX',
        LIVE_TICKET_TTL_SECONDS,
      );
    } else {
      this.sweep(now);
      this.inMemory.set(key, { ...value, until: now + LIVE_TICKET_TTL_SECONDS * 1000 });
    }
    return ticket;
  }

  /** The ticket's holder, once; null for an unknown, used or expired ticket. */
  async redeem(ticket: string, now = Date.now()): Promise<LiveTicketHolder | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
    const key = keyOf(ticket);
    if (this.redis.client) {
      const stored = await this.redis.client.getdel(`${REDIS_PREFIX}${key}`);
      return stored === null ? null : parsedHolder(stored);
    }
    const held = this.inMemory.get(key);
    this.inMemory.delete(key);
    if (!held || held.until <= now) return null;
    return { userId: held.userId, accessTokenExpiresAt: held.accessTokenExpiresAt };
  }

  private sweep(now: number): void {
    for (const [key, held] of this.inMemory) if (held.until <= now) this.inMemory.delete(key);
  }
}

const keyOf = (ticket: string): string => createHash('sha256').update(ticket).digest('base64url');

const parsedHolder = (text: string): LiveTicketHolder | null => {
  try {
    const value = JSON.parse(text) as Partial<LiveTicketHolder>;
    if (typeof value.userId !== 'string' || typeof value.accessTokenExpiresAt !== 'number')
      return null;
    return { userId: value.userId, accessTokenExpiresAt: value.accessTokenExpiresAt };
  } catch {
    return null;
  }
};
