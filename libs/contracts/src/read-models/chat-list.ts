import type { MessageContent } from '../channel/message-content';

/** Status of a chat in the list (L5). */
export type ChatStatus = 'new_message' | 'new_system_notification' | 'sent' | 'error' | 'read';

/** Who handled a chat last: a robot (the Auto tab) or a manager (the Manual tab). */
export type ChatHandler = 'robot' | 'manager';

/**
 * One document per conversation in the `chats` read model (L1, L5, L6), as the gateway returns
 * it to the web app. `_id` is the conversation id.
 */
export interface ChatListItem {
  readonly _id: string;
  readonly workspaceId: string;
  readonly channel: 'telegram';
  readonly contact: {
    readonly contactId: string | null;
    readonly name: string;
    readonly username: string | null;
    readonly avatarUrl: string | null;
  };
  readonly tags: readonly string[];
  readonly lastMessage: {
    readonly direction: 'in' | 'out';
    readonly kind: MessageContent['kind'];
    readonly preview: string;
    readonly at: string;
  } | null;
  readonly lastActivityAt: string;
  readonly status: ChatStatus;
  readonly unreadCount: number;
  readonly archived: boolean;
  /** Pinned (L8): under the Pinned tab; absent on chats projected before pins existed. */
  readonly pinned?: boolean;
  /**
   * Whose hand was last on the chat (L8's Manual and Auto tabs): a robot's action, or a
   * manager's (a reply, a tag, a stage, ...); null while neither acted. Reading is not handling.
   */
  readonly handledBy?: ChatHandler | null;
  /**
   * The client is on the ignore list (L8): their messages are kept but raise no alerts, and the
   * chat shows only under the Ignored tab. Absent on chats projected before the list existed.
   */
  readonly ignored?: boolean;
  /** A manager marked the chat unread (L9) and nobody has read it since. */
  readonly markedUnread?: boolean;
  /** The attribution source of the client's first `/start` (R2), null when none was given. */
  readonly source?: string | null;
  readonly responsibleManagerId: string | null;
  readonly deal: { readonly stage: string; readonly line: 1 | 2 } | null;
  readonly languages: readonly string[];
  /** When the client blocked the bot, while they keep it blocked; null (or absent) otherwise. */
  readonly clientBlockedBotAt?: string | null;
}

export const CHATS_COLLECTION = 'chats';

/**
 * The chat list's quick tabs (L8): every chat, the pinned ones, the ones a manager handled last
 * (Manual), the ones a robot handled last (Auto), and the ignored clients' (Ignored, which no
 * other tab shows). The archive toggle (L4) applies to each.
 */
export const CHAT_TABS = ['all', 'pinned', 'manual', 'auto', 'ignored'] as const;
export type ChatTab = (typeof CHAT_TABS)[number];

/** How many chats each tab holds (`GET /api/chats/tabs?archived=`). */
export type ChatTabCounts = Readonly<Record<ChatTab, number>>;
