import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  CAPTION_MAX_LENGTH,
  CONVERSATION_SERVICE,
  newId,
  SendMessageRequest,
  type CommandResponse,
  isAttachmentKind,
  type ManagerMessageContent,
  type MarkMessageSentData,
  type MarkReadData,
  type RetryMessageData,
  type SendMessageData,
  type User,
} from '@parley/contracts';
import { MEDIA_STORE, type MediaStore } from '@parley/media-store';
import { READ_STORE } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { uploadRefusal } from '../attachments/attachment-upload';
import { libraryTemplate } from '../templates/template-queries';
import { GatewayCommands } from './gateway-commands';

/** A message id in a path: a UUID (manager messages' ids are), else 400 naming the field. */
const MESSAGE_ID = new ParseUUIDPipe({
  exceptionFactory: () => {
    const reason = 'messageId must be a UUID';
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: reason,
      issues: [{ field: 'messageId', reason }],
    });
  },
});

/**
 * A manager's actions on a conversation (B1, B6, and C4's retry and mark sent of a failed
 * message): each becomes a command to the conversation
 * service; the request waits for its outcome and answers with it, or 504 after
 * COMMAND_TIMEOUT_MS (docs/architecture.md, Events).
 */
@Controller('api/chats')
@UseGuards(AccessTokenGuard)
export class ChatCommandsController {
  constructor(
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(ChatQueries) private readonly chats: ChatQueries,
    @Inject(MEDIA_STORE) private readonly media: MediaStore | null,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Post(':conversationId/messages')
  @HttpCode(202)
  async sendMessage(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: SendMessageRequest,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const messageId = body.messageId ?? newId();
    const data: SendMessageData = {
      conversationId,
      messageId,
      content: await this.contentOf(user, conversationId, body),
      ...(body.translatedFrom
        ? {
            translatedFrom: {
              text: body.translatedFrom.text,
              language: body.translatedFrom.language,
            },
          }
        : {}),
    };
    const response = await this.send(user, conversationId, 'SendMessage', data);
    return { ...response, messageId };
  }

  @Post(':conversationId/read')
  @HttpCode(202)
  async markRead(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: MarkReadData = { conversationId };
    return this.send(user, conversationId, 'MarkRead', data);
  }

  /** Send a failed message again (C4 "retry"); for an `unconfirmed` one, on purpose. */
  @Post(':conversationId/messages/:messageId/retry')
  @HttpCode(202)
  async retryMessage(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Param('messageId', MESSAGE_ID) messageId: string,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: RetryMessageData = { conversationId, messageId };
    return { ...(await this.send(user, conversationId, 'RetryMessage', data)), messageId };
  }

  /** The manager checked the chat: an `unconfirmed` message did reach the client. */
  @Post(':conversationId/messages/:messageId/mark-sent')
  @HttpCode(202)
  async markMessageSent(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Param('messageId', MESSAGE_ID) messageId: string,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: MarkMessageSentData = { conversationId, messageId };
    return { ...(await this.send(user, conversationId, 'MarkMessageSent', data)), messageId };
  }

  /**
   * Text, or an uploaded attachment with its caption: what the file is (kind, name, type, size)
   * comes from the media store, never from the request. A template's file (issue 13) is the one
   * the workspace's template library holds, so it goes to any chat of the workspace.
   */
  private async contentOf(
    user: User,
    conversationId: string,
    body: SendMessageRequest,
  ): Promise<ManagerMessageContent> {
    if (body.templateId !== undefined && body.attachmentId !== undefined) {
      throw uploadRefusal(400, 'templateId', 'send a template’s file or an upload, not both');
    }
    if (
      (body.templateId !== undefined || body.attachmentId !== undefined) &&
      body.text !== undefined &&
      body.text.length > CAPTION_MAX_LENGTH
    ) {
      throw uploadRefusal(
        400,
        'text',
        `a file’s caption may have at most ${CAPTION_MAX_LENGTH} characters`,
      );
    }
    if (body.templateId !== undefined) return this.templateFileContent(user, body.templateId, body);
    if (body.attachmentId === undefined) return { kind: 'text', text: body.text ?? '' };
    const stored = await this.media?.stat(user.workspaceId, body.attachmentId);
    if (!stored || stored.conversationId !== conversationId || !isAttachmentKind(stored.kind)) {
      throw uploadRefusal(
        422,
        'attachmentId',
        'no attachment with this id was uploaded to this conversation',
      );
    }
    return {
      kind: stored.kind,
      attachment: {
        mediaId: stored.mediaId,
        fileName: stored.fileName,
        contentType: stored.contentType,
        size: stored.size,
      },
      caption: body.text ?? null,
    };
  }

  /** The template's file from the library read model, still in the media store; else 422. */
  private async templateFileContent(
    user: User,
    templateId: string,
    body: SendMessageRequest,
  ): Promise<ManagerMessageContent> {
    const template = await libraryTemplate(this.readStore, user.workspaceId, templateId);
    const attachment = template?.attachment ?? null;
    const kept = attachment && (await this.media?.stat(user.workspaceId, attachment.mediaId));
    if (!attachment || !kept) {
      throw uploadRefusal(
        422,
        'templateId',
        'this workspace has no template with a file by this id',
      );
    }
    const { kind, ...file } = attachment;
    return { kind, attachment: file, caption: body.text ?? null };
  }

  private send(user: User, conversationId: string, type: string, data: object) {
    return this.commands.send(CONVERSATION_SERVICE, user, conversationId, type, data);
  }
}
