import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { readConversationEvent } from '@parley/contracts';
import { MessageTranslations } from '../messages/message-translations';

/**
 * Client messages from `parley.conversation.events` (C2), in their own consumer group
 * (`translation`): a provider's slowness holds up translations only, never another consumer of
 * the conversation's events. Provider failures are recorded, not thrown; only a broken payload
 * or an unreachable store makes the bus retry (and dead-letter).
 */
@Controller()
export class ClientMessagesController {
  constructor(@Inject(MessageTranslations) private readonly translations: MessageTranslations) {}

  @EventPattern('Conversation.ClientMessageReceived', { consumer: 'translation' })
  async clientMessageReceived(@Payload() payload: unknown): Promise<void> {
    await this.translations.clientMessageReceived(
      readConversationEvent('Conversation.ClientMessageReceived', payload),
    );
  }
}
