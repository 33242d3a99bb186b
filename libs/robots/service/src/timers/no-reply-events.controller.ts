import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { readConversationEvent } from '@parley/contracts';
import { NoReplyTimers } from './no-reply-timers';

/**
 * What starts and stops the no-reply timers, in a consumer group of their own
 * (`robots-timers`): a client's message starts them, a manager's message stops them (a
 * robot's does not).
 */
@Controller()
export class NoReplyEventsController {
  constructor(@Inject(NoReplyTimers) private readonly timers: NoReplyTimers) {}

  @EventPattern('Conversation.ClientMessageReceived', { consumer: 'robots-timers' })
  async clientMessageReceived(@Payload() payload: unknown): Promise<void> {
    await this.timers.clientWrote(
      readConversationEvent('Conversation.ClientMessageReceived', payload),
    );
  }

  @EventPattern('Conversation.ManagerMessageQueued', { consumer: 'robots-timers' })
  async managerMessageQueued(@Payload() payload: unknown): Promise<void> {
    const queued = readConversationEvent('Conversation.ManagerMessageQueued', payload);
    // A robot's message (a template it sent) is no manager's reply.
    if (queued.metadata.actor.kind !== 'manager') return;
    await this.timers.managerReplied(queued.metadata.workspaceId, queued.data.conversationId);
  }
}
