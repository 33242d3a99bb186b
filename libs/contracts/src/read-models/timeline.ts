import type { MessageContent } from '../channel/message-content';
import type { Actor } from '../envelope/actor';

/** Delivery state of an outgoing message (C4). */
export type DeliveryState =
  | { readonly status: 'sending' }
  | { readonly status: 'sent'; readonly at: string }
  | {
      readonly status: 'error';
      readonly reason: string;
      readonly code: string;
      readonly at: string;
    };

export interface TimelineMessage {
  readonly kind: 'message';
  readonly messageId: string;
  readonly direction: 'in' | 'out';
  readonly content: MessageContent;
  /** Outgoing messages only. */
  readonly delivery: DeliveryState | null;
}

/** An action on the conversation, contact or deal (C3): who did what. */
export interface TimelineAction {
  readonly kind: 'action';
  /** `contact.created`, `deal.created`, `conversation.read`, `stage.changed`, ... */
  readonly action: string;
  readonly summary: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * One document per item of a conversation in the `timeline` read model (C3), in time order.
 * `_id` is `{conversationId}|{itemId}`.
 */
export interface TimelineItem {
  readonly _id: string;
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly at: string;
  /** Global position of the event that created the item: a stable tiebreak for `at`. */
  readonly seq: string;
  readonly actor: Actor;
  readonly item: TimelineMessage | TimelineAction;
}

export const TIMELINE_COLLECTION = 'timeline';
