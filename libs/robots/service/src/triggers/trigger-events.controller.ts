import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ContractViolation,
  crmEventDefinitions,
  EventCatalog,
  readConversationEvent,
  readEvent,
  readTasksNotesEvent,
  type CrmEvent,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';
import { isFirstClientMessage } from '../runs/conversation-reads';
import { RuleRunner } from '../runs/rule-runner';

const crmCatalog = new EventCatalog().register(...crmEventDefinitions);

/** One CRM event of the type the handler was routed for, checked (docs/style.md 19). */
const readCrmEvent = <T extends CrmEvent['type']>(
  type: T,
  payload: unknown,
): Extract<CrmEvent, { type: T }> => {
  const event = readEvent(crmCatalog, payload);
  if (event.type !== type) {
    throw new ContractViolation(`${type} event`, [
      { field: 'type', reason: `must be ${type}, got ${event.type}` },
    ]);
  }
  return event as unknown as Extract<CrmEvent, { type: T }>;
};

/**
 * The events that start rules (A2), all in the `robots` consumer group: a client's message
 * (`first` when it is the conversation's first), a tag added or removed, the deal's stage
 * changed, a conversion recorded, a task's reminder fired (`task_overdue`, for the task's
 * conversation). The trigger `no_manager_reply` is not built in this slice: no event starts it.
 */
@Controller()
export class TriggerEventsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RuleRunner) private readonly runner: RuleRunner,
  ) {}

  @EventPattern('Conversation.ClientMessageReceived', { consumer: 'robots' })
  async clientMessageReceived(@Payload() payload: unknown): Promise<void> {
    const message = readConversationEvent('Conversation.ClientMessageReceived', payload);
    await this.runner.run(message, await isFirstClientMessage(this.store, message));
  }

  @EventPattern('Crm.TagAdded', { consumer: 'robots' })
  async tagAdded(@Payload() payload: unknown): Promise<void> {
    await this.runner.run(readCrmEvent('Crm.TagAdded', payload));
  }

  @EventPattern('Crm.TagRemoved', { consumer: 'robots' })
  async tagRemoved(@Payload() payload: unknown): Promise<void> {
    await this.runner.run(readCrmEvent('Crm.TagRemoved', payload));
  }

  @EventPattern('Crm.DealStageChanged', { consumer: 'robots' })
  async dealStageChanged(@Payload() payload: unknown): Promise<void> {
    await this.runner.run(readCrmEvent('Crm.DealStageChanged', payload));
  }

  @EventPattern('Crm.ConversionRecorded', { consumer: 'robots' })
  async conversionRecorded(@Payload() payload: unknown): Promise<void> {
    await this.runner.run(readCrmEvent('Crm.ConversionRecorded', payload));
  }

  @EventPattern('TasksNotes.TaskReminderDue', { consumer: 'robots' })
  async taskReminderDue(@Payload() payload: unknown): Promise<void> {
    await this.runner.run(readTasksNotesEvent('TasksNotes.TaskReminderDue', payload));
  }
}
