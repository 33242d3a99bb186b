import type { MessageContent } from '../channel/message-content';

/** Status of a chat in the list (L5). */
export type ChatStatus = 'new_message' | 'new_system_notification' | 'sent' | 'error' | 'read';

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
  readonly responsibleManagerId: string | null;
  readonly deal: { readonly stage: string; readonly line: 1 | 2 } | null;
  readonly languages: readonly string[];
  /** When the client blocked the bot, while they keep it blocked; null (or absent) otherwise. */
  readonly clientBlockedBotAt?: string | null;
}

export const CHATS_COLLECTION = 'chats';
