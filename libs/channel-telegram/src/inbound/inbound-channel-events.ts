import {
  deterministicId,
  streamName,
  telegramConversationId,
  type ChannelClient,
  type ClientMessageArrived,
  type ClientStarted,
  type EventMetadata,
} from '@parley/contracts';
import type { TelegramMessage, TelegramUser } from '../webhook/telegram-update.dto';

/** What an inbound event needs besides the update: where it belongs and when it was seen. */
export interface InboundContext {
  readonly workspaceId: string;
  readonly botId: string;
  readonly updateId: number;
  /** Now, from the process clock. */
  readonly receivedAt: Date;
}

/** One update, one event id: a repeated webhook delivery appends nothing (C7). */
export const inboundEventId = (botId: string, updateId: number): string =>
  deterministicId('telegram-update', botId, updateId);

export const conversationIdOf = (ctx: InboundContext, message: TelegramMessage): string =>
  telegramConversationId(ctx.workspaceId, ctx.botId, message.chat.id);

/** The channel stream of a conversation: `channel-{conversationId}`. */
export const channelStream = (conversationId: string): string =>
  streamName('channel', conversationId);

export const channelClientOf = (from: TelegramUser): ChannelClient => ({
  externalId: String(from.id),
  username: from.username ?? null,
  firstName: from.first_name,
  lastName: from.last_name ?? null,
  languageCode: from.language_code ?? null,
});

const metadataOf = (ctx: InboundContext, message: TelegramMessage): EventMetadata => {
  const eventId = inboundEventId(ctx.botId, ctx.updateId);
  return {
    eventId,
    workspaceId: ctx.workspaceId,
    aggregateId: conversationIdOf(ctx, message),
    occurredAt: ctx.receivedAt.toISOString(),
    schemaVersion: 1,
    correlationId: eventId,
    causationId: null,
    actor: { kind: 'client', id: `tg:${message.from.id}` },
  };
};

const sourceOf = (ctx: InboundContext, message: TelegramMessage) => ({
  channel: 'telegram' as const,
  botId: ctx.botId,
  chatId: String(message.chat.id),
});

/** Telegram's `date` is Unix seconds. */
const sentAtOf = (message: TelegramMessage): string => new Date(message.date * 1000).toISOString();

/** `/start [payload]`: the client opened the bot, perhaps from a deep link carrying attribution (R2). */
export const clientStartedEvent = (
  ctx: InboundContext,
  message: TelegramMessage,
  payload: string,
): ClientStarted => ({
  type: 'Channel.ClientStarted',
  data: {
    ...sourceOf(ctx, message),
    conversationId: conversationIdOf(ctx, message),
    client: channelClientOf(message.from),
    payload: payload.trim() === '' ? null : payload.trim(),
    updateId: ctx.updateId,
    sentAt: sentAtOf(message),
  },
  metadata: metadataOf(ctx, message),
});

/** Any other text message from the client. */
export const messageReceivedEvent = (
  ctx: InboundContext,
  message: TelegramMessage & { readonly text: string },
): ClientMessageArrived => ({
  type: 'Channel.MessageReceived',
  data: {
    ...sourceOf(ctx, message),
    conversationId: conversationIdOf(ctx, message),
    client: channelClientOf(message.from),
    updateId: ctx.updateId,
    externalMessageId: String(message.message_id),
    content: { kind: 'text', text: message.text },
    sentAt: sentAtOf(message),
  },
  metadata: metadataOf(ctx, message),
});
