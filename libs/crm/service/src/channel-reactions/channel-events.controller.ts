import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { readChannelEvent } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';
import { ensureContactAndDeal } from './client-seen';

/**
 * What the CRM makes of the channel's events. Both handlers share the `crm` consumer group, so
 * one conversation's `/start` and messages are handled in the order they were stored. Each
 * payload is upcast and validated before use: a broken one is dead-lettered, never half-applied.
 */
@Controller()
export class ChannelEventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @EventPattern('Channel.ClientStarted', { consumer: 'crm' })
  async clientStarted(@Payload() payload: unknown): Promise<void> {
    await ensureContactAndDeal(this.store, readChannelEvent('Channel.ClientStarted', payload));
  }

  @EventPattern('Channel.MessageReceived', { consumer: 'crm' })
  async messageReceived(@Payload() payload: unknown): Promise<void> {
    await ensureContactAndDeal(this.store, readChannelEvent('Channel.MessageReceived', payload));
  }
}
