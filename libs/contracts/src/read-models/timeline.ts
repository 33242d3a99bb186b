import type { MediaFetchFailureReason } from '../channel/channel-events';
import type { MessageContent } from '../channel/message-content';
import type { AttachmentContent } from '../conversation/attachment-content';
import type { MessageVersion } from '../conversation/conversation-events';
import type { TimelineTranslation } from '../translation/translation-api';
import type { Actor } from '../envelope/actor';

/** Delivery state of a manager message (C4). */
export type DeliveryState =
  | { readonly status: 'sending' }
  | {
      readonly status: 'sent';
      readonly at: string;
      /**
       * Set when no delivery was confirmed by the channel (failure `unconfirmed`) and a manager
       * checked the chat and marked it sent (`Conversation.MessageMarkedSent`): that manager's id.
       */
      readonly markedSentBy?: string;
    }
  | {
      readonly status: 'error';
      readonly reason: string;
      readonly code: string;
      readonly at: string;
    };

/**
 * Where a client message's file stands (issue 9, media store): `fetched` into the media store
 * under `mediaId` (the web app asks a signed link for it), or `failed`: `too_large` ("too large to
 * fetch", with Telegram's name and size for it) or `unavailable`. Absent while it is being fetched.
 */
export type TimelineMedia =
  | {
      readonly status: 'fetched';
      readonly mediaId: string;
      readonly contentType: string;
      readonly size: number;
    }
  | {
      readonly status: 'failed';
      readonly reason: MediaFetchFailureReason;
      readonly fileName: string | null;
      readonly fileSize: number | null;
    };

export interface TimelineMessage {
  readonly kind: 'message';
  readonly messageId: string;
  readonly direction: 'in' | 'out';
  /** A client message's content; a manager message's text or attachment (B8). */
  readonly content: MessageContent | AttachmentContent;
  /** Manager messages only. */
  readonly delivery: DeliveryState | null;
  /** Client messages with media content only, once fetched or failed. */
  readonly media?: TimelineMedia;
  /**
   * Set once the client edited the message (C5): when it was last edited, and the versions it
   * had before, oldest first. `earlierVersions` is empty for an edit of a message Parley never
   * saw. Absent for a message never edited.
   */
  readonly edited?: {
    readonly at: string;
    readonly earlierVersions: readonly MessageVersion[];
  };
}

/** An action on the conversation, contact or deal (C3): who did what. */
export interface TimelineAction {
  readonly kind: 'action';
  /** `contact.created`, `deal.created`, `conversation.read`, `stage.changed`, ... */
  readonly action: string;
  readonly summary: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A note on the timeline (R5), in its own style: never a message, never sent to the client. */
export interface TimelineNote {
  readonly kind: 'note';
  readonly noteId: string;
  readonly text: string;
  readonly authorId: string;
}

/**
 * One document per item of a conversation in the `timeline` read model (C3), in `orderKey`
 * order. `_id` is `{conversationId}|{itemId}`.
 */
export interface TimelineItem {
  readonly _id: string;
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly at: string;
  /** Global position of the event that created the item. */
  readonly seq: string;
  /**
   * The item's place in the timeline (C3, C7), decimal digits whose string order is the
   * timeline's order: the time the item stands at (a client message's `placedAt`, otherwise
   * `at`), then client messages by the client's order, other items by `seq`. The `before`
   * cursor of the timeline's pages.
   */
  readonly orderKey: string;
  readonly actor: Actor;
  readonly item: TimelineMessage | TimelineAction | TimelineNote;
  /**
   * A message's translation (issue 12, C2, B4): a client message's into the team's language (or
   * why it failed); a manager's, what they wrote before it was translated for the client.
   */
  readonly translation?: TimelineTranslation;
  /** The language detected from a client message's text (C2), when one was. */
  readonly language?: string;
}

export const TIMELINE_COLLECTION = 'timeline';
