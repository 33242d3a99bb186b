import {
  deterministicId,
  MESSAGE_RECEIVED_SCHEMA_VERSION,
  REJECTED_UPDATE_RAW_LIMIT,
  streamName,
  telegramConversationId,
  telegramRejectedUpdatesId,
  type BotBlocked,
  type BotUnblocked,
  type ChannelClient,
  type ChannelMessageReceived,
  type ClientStarted,
  type EventMetadata,
  type FieldIssue,
  type MessageContent,
  type MessageEdited,
  type UpdateRejected,
} from '@parley/contracts';
import type {
  TelegramChatMemberUpdated,
  TelegramMessage,
  TelegramUser,
} from '../webhook/telegram-update.dto';
import type { ClientMessage } from '../webhook/update-classification';

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

/**
 * The id of a rejected update's event: its own namespace, so an update id can never clash with
 * an accepted update's event in another stream (event ids are unique store-wide).
 */
export const rejectedUpdateEventId = (botId: string, updateId: number): string =>
  deterministicId('telegram-rejected-update', botId, updateId);

/** Where an update happened: a message, or a change of the bot's membership in the chat. */
type ChatUpdate = Pick<TelegramMessage, 'chat'> & { readonly from: TelegramUser };

export const conversationIdOf = (
  ctx: InboundContext,
  message: Pick<TelegramMessage, 'chat'>,
): string => telegramConversationId(ctx.workspaceId, ctx.botId, message.chat.id);

/** The channel stream of a conversation: `channel-{conversationId}`. */
export const channelStream = (conversationId: string): string =>
  streamName('channel', conversationId);

/** The stream of one bot's rejected updates: `channel-ws1:tg:{botId}:rejected_updates`. */
export const rejectedUpdatesStream = (workspaceId: string, botId: string): string =>
  streamName('channel', telegramRejectedUpdatesId(workspaceId, botId));

export const channelClientOf = (from: TelegramUser): ChannelClient => ({
  externalId: String(from.id),
  username: from.username ?? null,
  firstName: from.first_name,
  lastName: from.last_name ?? null,
  languageCode: from.language_code ?? null,
});

const metadataOf = (ctx: InboundContext, message: ChatUpdate, schemaVersion = 1): EventMetadata => {
  const eventId = inboundEventId(ctx.botId, ctx.updateId);
  return {
    eventId,
    workspaceId: ctx.workspaceId,
    aggregateId: conversationIdOf(ctx, message),
    occurredAt: ctx.receivedAt.toISOString(),
    schemaVersion,
    correlationId: eventId,
    causationId: null,
    actor: { kind: 'client', id: `tg:${message.from.id}` },
  };
};

const sourceOf = (ctx: InboundContext, message: Pick<TelegramMessage, 'chat'>) => ({
  channel: 'telegram' as const,
  botId: ctx.botId,
  chatId: String(message.chat.id),
});

/** Telegram's `date` is Unix seconds (checked to make a valid date by the Update contract). */
const sentAtOf = (message: { readonly date: number }): string =>
  new Date(message.date * 1000).toISOString();

/** `/start [payload]`: the client opened the bot, perhaps from a deep link carrying attribution (R2). */
export const clientStartedEvent = (
  ctx: InboundContext,
  message: ClientMessage,
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

/** Any other client message: text, or a kind Parley cannot show yet (`unsupported` content). */
export const messageReceivedEvent = (
  ctx: InboundContext,
  message: ClientMessage,
  content: MessageContent,
): ChannelMessageReceived => ({
  type: 'Channel.MessageReceived',
  data: {
    ...sourceOf(ctx, message),
    conversationId: conversationIdOf(ctx, message),
    client: channelClientOf(message.from),
    updateId: ctx.updateId,
    externalMessageId: String(message.message_id),
    content,
    sentAt: sentAtOf(message),
  },
  metadata: metadataOf(ctx, message, MESSAGE_RECEIVED_SCHEMA_VERSION),
});

/**
 * A client's edit (C5): the message's content as it is now, when it was first sent and when
 * edited (`edit_date`; the time Parley saw it when Telegram leaves it out).
 */
export const messageEditedEvent = (
  ctx: InboundContext,
  message: ClientMessage,
  content: MessageContent,
): MessageEdited => ({
  type: 'Channel.MessageEdited',
  data: {
    ...sourceOf(ctx, message),
    conversationId: conversationIdOf(ctx, message),
    client: channelClientOf(message.from),
    updateId: ctx.updateId,
    externalMessageId: String(message.message_id),
    content,
    sentAt: sentAtOf(message),
    editedAt:
      message.edit_date === undefined
        ? ctx.receivedAt.toISOString()
        : sentAtOf({ date: message.edit_date }),
  },
  metadata: metadataOf(ctx, message),
});

/** The client blocked the bot (`my_chat_member`, new status `kicked`). */
export const botBlockedEvent = (
  ctx: InboundContext,
  change: TelegramChatMemberUpdated,
): BotBlocked => ({
  type: 'Channel.BotBlocked',
  data: {
    ...sourceOf(ctx, change),
    conversationId: conversationIdOf(ctx, change),
    client: channelClientOf(change.from),
    updateId: ctx.updateId,
    blockedAt: sentAtOf(change),
  },
  metadata: metadataOf(ctx, change),
});

/** The client unblocked the bot (`my_chat_member`, new status `member`). */
export const botUnblockedEvent = (
  ctx: InboundContext,
  change: TelegramChatMemberUpdated,
): BotUnblocked => ({
  type: 'Channel.BotUnblocked',
  data: {
    ...sourceOf(ctx, change),
    conversationId: conversationIdOf(ctx, change),
    client: channelClientOf(change.from),
    updateId: ctx.updateId,
    unblockedAt: sentAtOf(change),
  },
  metadata: metadataOf(ctx, change),
});

/** The update's JSON text, cut to what a rejected update keeps. */
export const rawUpdateText = (
  body: unknown,
): { readonly text: string; readonly truncated: boolean } => {
  const text = JSON.stringify(body) ?? String(body);
  return text.length <= REJECTED_UPDATE_RAW_LIMIT
    ? { text, truncated: false }
    : { text: text.slice(0, REJECTED_UPDATE_RAW_LIMIT), truncated: true };
};

/** An update Parley cannot use, kept with its reason; the actor is the channel, not a client. */
export const updateRejectedEvent = (
  ctx: InboundContext,
  rejection: { readonly reason: string; readonly issues: readonly FieldIssue[] },
  body: unknown,
): UpdateRejected => {
  const eventId = rejectedUpdateEventId(ctx.botId, ctx.updateId);
  const raw = rawUpdateText(body);
  return {
    type: 'Channel.UpdateRejected',
    data: {
      channel: 'telegram',
      botId: ctx.botId,
      updateId: ctx.updateId,
      reason: rejection.reason.slice(0, 1000),
      issues: rejection.issues.slice(0, 50).map((i) => ({
        field: i.field.slice(0, 200),
        reason: i.reason.slice(0, 500),
      })),
      rawUpdate: raw.text,
      rawTruncated: raw.truncated,
      receivedAt: ctx.receivedAt.toISOString(),
    },
    metadata: {
      eventId,
      workspaceId: ctx.workspaceId,
      aggregateId: telegramRejectedUpdatesId(ctx.workspaceId, ctx.botId),
      occurredAt: ctx.receivedAt.toISOString(),
      schemaVersion: 1,
      correlationId: eventId,
      causationId: null,
      actor: { kind: 'system', id: 'channel-telegram' },
    },
  };
};
