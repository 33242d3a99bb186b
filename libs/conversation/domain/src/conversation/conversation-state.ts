import type { ChannelClient, TelegramSource } from '@parley/contracts';

/** Delivery state of a manager's message (C4). */
export type DeliveryStatus = 'sending' | 'delivered' | 'failed';

export type RecordedMessage =
  | {
      readonly direction: 'client';
      /** Its number in the client's order (Telegram message_id), or null. */
      readonly clientOrder: number | null;
      /** Its time on the timeline (see `Conversation.ClientMessageReceived`). */
      readonly placedAt: string;
    }
  | { readonly direction: 'manager'; readonly delivery: DeliveryStatus };

export interface OpenConversation {
  readonly status: 'open';
  readonly conversationId: string;
  /** Where replies go. */
  readonly source: TelegramSource;
  readonly client: ChannelClient;
  /** Every message id recorded so far, client and manager, for idempotency and delivery. */
  readonly messages: Readonly<Record<string, RecordedMessage>>;
  /** Client messages since the last MarkedRead (L5). */
  readonly unread: number;
}

/** No client has written yet, or an open conversation. */
export type ConversationState = { readonly status: 'none' } | OpenConversation;
