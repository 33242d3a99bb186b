import { IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { NestedObject } from '../validation/nested-object';
import { TranslatedFromDto } from '../conversation/conversation-commands';
import { IsVisibleText } from '../validation/visible-text';
import { IsEmailAddress } from './is-email-address';
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
 *   GET  /api/chats?limit=&cursor=&archived=&tab=&<ChatListFilters>  → Page<ChatListItem>
 *        (issue 11: filters as query parameters, lists comma-separated; 400 naming the field)
 *   GET  /api/chats/tabs?archived=&<ChatListFilters>    → ChatTabCounts
 *   POST /api/chats/:conversationId/pin|unpin|archive|unarchive|ignore|unignore|unread
 *        → CommandResponse (L4, L8, L9)
 *   GET  /api/chat-views → {items: ChatView[]}; POST /api/chat-views SaveChatViewRequest → 201
 *        ChatView (409 `view.name_taken`, `view.limit_reached`); DELETE /api/chat-views/:viewId
 *        → 204 (404 `view.not_found`, 409 `view.built_in`)
 *   GET  /api/chats/:conversationId                     → ChatListItem
 *   GET  /api/chats/:conversationId/timeline?before=&limit= → Page<TimelineItem> (oldest first)
 *   GET  /api/chats/:conversationId/card                → ClientCard
 *   POST /api/chats/:conversationId/attachments?kind=&name=  (the file's bytes) → 201
 *        UploadedAttachment (B8: a manager's photo, video, document or voice recording; 413
 *        over the kind's limit, 415 a type the kind does not take)
 *   POST /api/chats/:conversationId/messages  SendMessageRequest → CommandResponse (text, or
 *        `attachmentId` with an optional caption in `text`, or `templateId`: that template's
 *        file with `text` as its caption; 422 naming the field when there is no such file)
 *   POST /api/chats/:conversationId/read                → CommandResponse
 *   POST /api/chats/:conversationId/messages/:messageId/retry     → CommandResponse (C4: send
 *        a failed message again; 422 `message.not_failed` unless it failed)
 *   POST /api/chats/:conversationId/messages/:messageId/mark-sent → CommandResponse (a message
 *        whose delivery was not confirmed reached the client; 422 `message.not_unconfirmed`)
 *   GET  /api/chats/:conversationId/templates     → RenderedTemplate[] (B1: every reply template
 *        rendered for this chat's client and the signed-in user)
 *   GET  /api/templates                 → TemplateLibraryView (templates in creation order and the
 *        workspace variables; the defaults before any change)
 *   Admin only (403 for a manager; templates-api.ts), each → 202 CommandResponse, or 422/404 with
 *   the rule's `code` and `message` (`role.admin_only` too, should a manager get past the guard):
 *   POST   /api/templates                 TemplateRequest → CreateTemplateResponse (+ templateId;
 *        422 `template.shortcode_taken` naming the template that has it, `template.unknown_variable`)
 *   PUT    /api/templates/:templateId     TemplateRequest (as POST; 404 `template.not_found`)
 *   DELETE /api/templates/:templateId     (404 `template.not_found`)
 *   PUT    /api/templates/variables/:name WorkspaceVariableRequest (B3; 422 `variable.built_in`)
 *   DELETE /api/templates/variables/:name (422 `variable.in_use` naming the templates using it)
 *   POST   /api/templates/preview         TemplatePreviewRequest → 200 TemplatePreview (a draft
 *        rendered for one chat, with its unknown variables; 404 for a chat not in the workspace)
 *   POST   /api/templates/attachments?kind=&name=  the file's bytes → 201 UploadedAttachment (issue
 *        13: a template's file, with the limits and type checks of a chat upload, 413/415; name it
 *        as `attachmentId` in POST/PUT /api/templates; 422 `template.attachment_refused`,
 *        `template.caption_too_long` for a text over 1,024 characters with a file)
 *   Robots' rules (A2, A4; robots-api.ts, robots-requests.ts), admin only as well (403 for a
 *   manager), commands to the robots service answered as above (`role.admin_only`, 422
 *   `rule.invalid` naming what the robots domain refuses, 404 `rule.not_found`); a definition of
 *   the wrong shape is 400 naming `definition` and the fields wrong in it, a ruleId no UUID 400:
 *   GET    /api/robots/rules                  → RobotRuleView[] (live rules in evaluation order,
 *        each with its 5 latest runs, newest first)
 *   POST   /api/robots/rules                  RuleRequest {definition, enabled? (default true)}
 *        → CreateRuleResponse (+ ruleId, a new UUID)
 *   PUT    /api/robots/rules/:ruleId          RuleChangeRequest {definition} (the whole new one)
 *   POST   /api/robots/rules/:ruleId/enable   (nothing happens for an enabled rule)
 *   POST   /api/robots/rules/:ruleId/disable
 *   DELETE /api/robots/rules/:ruleId
 *   A rule's run shows on its chat's timeline as an action `robot.ran` (`robot.stopped` when the
 *   loop guard stopped it) whose actor is `{kind: 'robot', id: ruleId}`, details RobotRunDetails.
 *   POST /api/live/ticket               → LiveTicketResponse (one use, within 30 s)
 *   WS   /api/live?ticket=...           server → client: LiveMessage
 *   GET  /health/live                   → {status: 'up'} (public)
 *   GET  /health                        → {status} (200 up, 503 down); the whole HealthReport
 *                                         (parts, descriptions, details, errors) for an admin
 * Every call but login, refresh and the health endpoints needs
 * `Authorization: Bearer <accessToken>`.
 * The WebSocket: get a ticket, then connect with it (the access token never goes in a URL). The
 * upgrade answers 401 for an unknown, used or expired ticket, 429 when the user already has
 * LIVE_CONNECTIONS_PER_USER sockets open on that gateway, 404 on any other path. The socket closes
 * with CLOSE_UNAUTHORIZED (4401) when the access token the ticket was issued for expires: sign
 * in or refresh, get a new ticket, reconnect.
 * Request bodies (but an attachment's) are JSON (`content-type: application/json`, else 415), at most
 * REQUEST_BODY_LIMITS bytes (else 413); unknown fields and query parameters are refused (400).
 * Errors: { statusCode, error, message, issues?: { field, reason }[] }.
 */
/** The most bytes a request body may have, per endpoint (larger: 413). */
export const REQUEST_BODY_LIMITS = {
  /** Sign-in, refresh and sign-out. */
  auth: 4 * 1024,
  /** A message: 4096 characters, each up to 6 bytes as a JSON escape, and the envelope. */
  message: 64 * 1024,
  /** Telegram's webhook: an update with a long caption, entities and a reply it quotes. */
  telegramWebhook: 1024 * 1024,
  /** Any other endpoint. */
  other: 16 * 1024,
} as const;

export class SignInRequest {
  @IsEmailAddress() email!: string;
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
  /**
   * A person's text: no NUL or control characters, no lone surrogates, something visible. With
   * an attachment it is the caption (optional; Telegram takes up to 1,024 characters).
   */
  @ValidateIf(
    (o: SendMessageRequest) =>
      (o.attachmentId === undefined && o.templateId === undefined) || o.text !== undefined,
  )
  @IsString()
  @Length(1, 4096)
  @IsVisibleText()
  text?: string;
  /** An upload's media id (`POST /api/chats/:conversationId/attachments`): send that file. */
  @IsOptional() @IsUUID() attachmentId?: string;
  /**
   * A reply template whose file to send (issue 13), `text` its caption: the gateway takes the
   * file from the workspace's template library, so it goes to any chat of the workspace. Not
   * with `attachmentId` (400).
   */
  @IsOptional() @IsUUID() templateId?: string;
  /** Optional client-chosen id: a retried request with the same id sends one message. */
  @IsOptional() @IsUUID() messageId?: string;
  /**
   * What the manager wrote in their language when `text` is its translation for the client
   * (`POST .../translation-preview`, B4): the timeline keeps both.
   */
  @IsOptional() @NestedObject(() => TranslatedFromDto) translatedFrom?: TranslatedFromDto;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` (chats) or `before` (timeline) for the next page; null at the end. */
  readonly nextCursor: string | null;
}

export interface CommandResponse {
  readonly commandId: string;
  readonly status: 'accepted';
  /** For SendMessage, RetryMessage and MarkMessageSent: the message's id. */
  readonly messageId?: string;
}

export interface LiveTicketResponse {
  /** Pass as `/api/live?ticket=...`; valid once, for `expiresInSeconds`. */
  readonly ticket: string;
  readonly expiresInSeconds: number;
}

export type LiveMessage =
  | { readonly type: 'hello'; readonly userId: string }
  | ({ readonly type: 'changed' } & ReadModelChange);

export type { ChatListItem, TimelineItem };
