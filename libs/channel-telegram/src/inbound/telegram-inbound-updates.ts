import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  channelEventDefinitions,
  ContractViolation,
  EventCatalog,
  type EventEnvelope,
  type FieldIssue,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  CLOCK,
  EVENT_STORE,
  HealthRegistry,
  WORKSPACE_SETTINGS,
  type Clock,
  type WorkspaceSettings,
} from '@parley/platform';
import type { Bot } from 'grammy';
import { TELEGRAM_BOT } from '../bot/telegram-bot';
import { classifyUpdate, type UpdateClassification } from '../webhook/update-classification';
import {
  botBlockedEvent,
  botUnblockedEvent,
  channelStream,
  clientStartedEvent,
  messageEditedEvent,
  messageReceivedEvent,
  rejectedUpdatesStream,
  updateRejectedEvent,
  type InboundContext,
} from './inbound-channel-events';
import { WebhookUpdateCounts } from './webhook-update-counts';

/** How many stored rejected updates one health check reads at a time. */
const COUNT_PAGE = 1000;

/** The channel's own contracts, checked before an event is stored (consumers check them too). */
const channelEvents = new EventCatalog().register(...channelEventDefinitions);

/**
 * Turns webhook bodies (with the right secret) into channel events, by `classifyUpdate`:
 * `/start [payload]` → Channel.ClientStarted, a client message → Channel.MessageReceived (any
 * kind of content), an edit → Channel.MessageEdited, the client blocking or unblocking the bot
 * → Channel.BotBlocked / Channel.BotUnblocked, an update Parley cannot use →
 * Channel.UpdateRejected; ignored kinds and
 * unusable bodies are counted and logged. The append happens before `receive` resolves, so the
 * webhook answers 200 only once the event is stored; a store failure rejects (5xx, Telegram
 * redelivers). The bot's health line counts what could not be used.
 */
@Injectable()
export class TelegramInboundUpdates implements OnModuleInit {
  private readonly logger = new Logger('TelegramInboundUpdates');
  private readonly botId: string;
  private readonly botUsername: string;

  constructor(
    @Inject(TELEGRAM_BOT) bot: Bot,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKSPACE_SETTINGS) private readonly workspace: WorkspaceSettings,
    private readonly counts: WebhookUpdateCounts,
    private readonly health: HealthRegistry,
  ) {
    this.botId = String(bot.botInfo.id);
    this.botUsername = bot.botInfo.username;
  }

  onModuleInit(): void {
    this.health.register({
      name: 'telegram-webhook',
      description: 'Telegram webhook: rejected, ignored and unusable updates',
      check: async () => {
        await this.countRejectedStored();
        return { detail: this.counts.summary() };
      },
    });
  }

  /** Classify the body and store what it becomes; resolves once stored (or counted). */
  async receive(body: unknown): Promise<UpdateClassification> {
    const update = classifyUpdate(body, { username: this.botUsername });
    switch (update.kind) {
      case 'started':
        await this.accept(
          body,
          clientStartedEvent(this.context(update.updateId), update.message, update.payload),
        );
        break;
      case 'message':
        await this.accept(
          body,
          messageReceivedEvent(this.context(update.updateId), update.message, update.content),
        );
        break;
      case 'edited':
        await this.accept(
          body,
          messageEditedEvent(this.context(update.updateId), update.message, update.content),
        );
        break;
      case 'blocked':
        await this.accept(body, botBlockedEvent(this.context(update.updateId), update.change));
        break;
      case 'unblocked':
        await this.accept(body, botUnblockedEvent(this.context(update.updateId), update.change));
        break;
      case 'ignored':
        this.counts.countIgnored(update.updateKind);
        this.logger.debug(`update ${update.updateId} (${update.updateKind}) ignored`);
        break;
      case 'rejected':
        await this.reject(body, update.updateId, update);
        break;
      case 'unusable':
        this.counts.countUnusable();
        this.logger.warn(`webhook body dropped: ${update.reason}`);
        break;
      default: {
        const _exhaustive: never = update;
        return _exhaustive;
      }
    }
    return update;
  }

  /** A body the HTTP layer could not read (not JSON, too large): counted, logged, not stored. */
  unreadable(reason: string): void {
    this.counts.countUnusable();
    this.logger.warn(`webhook body dropped: the HTTP layer could not read it (${reason})`);
  }

  /**
   * Store a client's event, checked against the contract its consumers hold it to first: an
   * update that would make an event they must refuse (a `/start` payload longer than a message,
   * say) is kept as a rejected update instead, never stored as a poison event.
   */
  private async accept(body: unknown, event: EventEnvelope): Promise<void> {
    try {
      channelEvents.validateData(event);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      const updateId = (event.data as { updateId: number }).updateId;
      await this.reject(body, updateId, { reason: error.message, issues: error.issues });
      return;
    }
    await this.append(event);
  }

  private async reject(
    body: unknown,
    updateId: number,
    rejection: { readonly reason: string; readonly issues: readonly FieldIssue[] },
  ): Promise<void> {
    const event = updateRejectedEvent(this.context(updateId), rejection, body);
    this.logger.warn(`update ${updateId} rejected: ${event.data.reason}`);
    await this.append(event);
  }

  private async countRejectedStored(): Promise<void> {
    const stream = rejectedUpdatesStream(this.workspace.defaultWorkspaceId, this.botId);
    for (;;) {
      const page = await this.store.readStream(stream, {
        fromRevision: this.counts.rejectedStored,
        maxCount: COUNT_PAGE,
      });
      this.counts.addRejectedStored(page.length);
      if (page.length < COUNT_PAGE) return;
    }
  }

  private context(updateId: number): InboundContext {
    return {
      workspaceId: this.workspace.defaultWorkspaceId,
      botId: this.botId,
      updateId,
      receivedAt: this.clock(),
    };
  }

  /**
   * To `channel-{aggregateId}`: the conversation's stream, or the bot's rejected updates.
   * Expected version 'any': the deterministic event id makes a repeated update a no-op.
   */
  private async append(event: EventEnvelope): Promise<void> {
    const stream = channelStream(event.metadata.aggregateId);
    const result = await this.store.append(stream, [event], { expected: 'any' });
    if (!result.appended) {
      this.logger.debug(`update ${event.metadata.eventId} was stored before; nothing appended`);
    }
  }
}
