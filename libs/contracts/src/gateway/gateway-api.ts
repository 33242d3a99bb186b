import { IsEmail, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { ChatListItem } from '../read-models/chat-list';
import type { TimelineItem } from '../read-models/timeline';
import type { ReadModelChange } from '../read-models/read-model-change';

/**
 * The gateway's HTTP and WebSocket API, shared by the gateway and the web app.
 *
 *   POST /api/auth/login    SignInRequest → SignInResponse, sets the refresh cookie
 *   POST /api/auth/refresh  (refresh cookie) → SignInResponse
 *   POST /api/auth/logout   clears the refresh cookie
 *   GET  /api/me            → User
 *   GET  /api/chats?limit=&cursor=&archived=            → Page<ChatListItem>
 *   GET  /api/chats/:conversationId                     → ChatListItem
 *   GET  /api/chats/:conversationId/timeline?before=&limit= → Page<TimelineItem> (oldest first)
 *   GET  /api/chats/:conversationId/card                → ClientCard
 *   POST /api/chats/:conversationId/messages  SendMessageRequest → CommandResponse
 *   POST /api/chats/:conversationId/read                → CommandResponse
 *   WS   /api/live?access_token=...   server → client: LiveMessage
 * Every call but login and refresh needs `Authorization: Bearer <accessToken>`.
 * Errors: { statusCode, error, message, issues?: { field, reason }[] }.
 */
export class SignInRequest {
  @IsEmail() email!: string;
  @IsString() @Length(1, 200) password!: string;
}

export type Role = 'admin' | 'manager';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly workspaceId: string;
  /** The UI language (ru or en). */
  readonly language: 'en' | 'ru';
}

export interface SignInResponse {
  readonly accessToken: string;
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
  readonly user: User;
}

export class SendMessageRequest {
  @IsString() @Length(1, 4096) text!: string;
  /** Optional client-chosen id: a retried request with the same id sends one message. */
  @IsOptional() @IsUUID() messageId?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` (chats) or `before` (timeline) for the next page; null at the end. */
  readonly nextCursor: string | null;
}

export interface CommandResponse {
  readonly commandId: string;
  readonly status: 'accepted';
  /** For SendMessage: the message's id. */
  readonly messageId?: string;
}

export type LiveMessage =
  | { readonly type: 'hello'; readonly userId: string }
  | ({ readonly type: 'changed' } & ReadModelChange);

export type { ChatListItem, TimelineItem };
