import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { NestedObject } from '../validation/nested-object';
import {
  MANAGER_MESSAGE_CONTENT_TYPE,
  type ManagerMessageContent,
  type ManagerMessageContentDto,
} from './attachment-content';

/** The conversation service's commands topic: `parley.conversation.commands`. */
export const CONVERSATION_SERVICE = 'conversation';

/**
 * What a manager wrote in their own language before it was translated for the client (B4): the
 * message's text (or caption) is the translation, and the timeline keeps both.
 */
export interface TranslatedFrom {
  readonly text: string;
  readonly language: string;
}

export class TranslatedFromDto implements TranslatedFrom {
  @IsString() @Length(1, 4096) text!: string;
  @Matches(/^[a-z]{2,3}$/) language!: string;
}

/** Command `SendMessage`: a manager replies (B1) with text or an attachment (B8). */
export interface SendMessageData {
  readonly conversationId: string;
  /** Chosen by the sender (UUID), so a retried request queues one message. */
  readonly messageId: string;
  readonly content: ManagerMessageContent;
  /** The manager's own words when the text is their translation (B4); absent otherwise. */
  readonly translatedFrom?: TranslatedFrom;
}

export class SendMessageDataDto implements SendMessageData {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsUUID() messageId!: string;
  @NestedObject(() => Object, MANAGER_MESSAGE_CONTENT_TYPE)
  content!: ManagerMessageContentDto;
  @IsOptional() @NestedObject(() => TranslatedFromDto) translatedFrom?: TranslatedFromDto;
}

/** Command `MarkRead`: a manager marks the conversation read without replying (B6). */
export interface MarkReadData {
  readonly conversationId: string;
}

export class MarkReadDataDto implements MarkReadData {
  @IsString() @Length(1, 200) conversationId!: string;
}

/**
 * Command `RetryMessage`: a manager sends a failed message again (C4 "retry"), whatever the
 * failure; for an `unconfirmed` one this is a deliberate second send.
 */
export interface RetryMessageData {
  readonly conversationId: string;
  readonly messageId: string;
}

export class RetryMessageDataDto implements RetryMessageData {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsUUID() messageId!: string;
}

/**
 * Command `MarkMessageSent`: a manager checked the chat and the client got a message the channel
 * could not confirm (failure code `unconfirmed`).
 */
export interface MarkMessageSentData {
  readonly conversationId: string;
  readonly messageId: string;
}

export class MarkMessageSentDataDto implements MarkMessageSentData {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsUUID() messageId!: string;
}

/**
 * Commands `ArchiveConversation` and `UnarchiveConversation` (L4), `PinConversation`,
 * `UnpinConversation`, `IgnoreConversation` and `UnignoreConversation` (L8): a manager or a robot
 * puts the chat away, brings it back, keeps it at hand, or puts the client on the ignore list
 * and off it. Each names the conversation only; who did it is the envelope's actor.
 */
export interface ChatPlacementData {
  readonly conversationId: string;
}

export class ChatPlacementDataDto implements ChatPlacementData {
  @IsString() @Length(1, 200) conversationId!: string;
}

/** The commands that place a chat in the list, by the name the API and robots send. */
export const CHAT_PLACEMENT_COMMANDS = [
  'ArchiveConversation',
  'UnarchiveConversation',
  'PinConversation',
  'UnpinConversation',
  'IgnoreConversation',
  'UnignoreConversation',
] as const;
export type ChatPlacementCommand = (typeof CHAT_PLACEMENT_COMMANDS)[number];

/**
 * Command `MarkConversationUnread` (L9): a manager marks the chat unread; reading it
 * (`MarkRead`) clears the mark.
 */
export interface MarkUnreadData {
  readonly conversationId: string;
}

export class MarkUnreadDataDto implements MarkUnreadData {
  @IsString() @Length(1, 200) conversationId!: string;
}
