import {
  BadRequestException,
  Body,
  Controller,
  GatewayTimeoutException,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import { CommandTimedOut, type CommandSender } from '@parley/command-handling';
import {
  CONVERSATION_SERVICE,
  newId,
  SendMessageRequest,
  type CommandEnvelope,
  type CommandOutcome,
  type CommandResponse,
  type MarkMessageSentData,
  type MarkReadData,
  type RetryMessageData,
  type SendMessageData,
  type User,
} from '@parley/contracts';
import { CLOCK, COMMAND_SENDER, type Clock } from '@parley/platform';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { responseForOutcome } from './command-outcome-response';

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
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(ChatQueries) private readonly chats: ChatQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
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
      content: { kind: 'text', text: body.text },
    };
    const outcome = await this.send(this.command(user, conversationId, 'SendMessage', data));
    return responseForOutcome(outcome, { messageId });
  }

  @Post(':conversationId/read')
  @HttpCode(202)
  async markRead(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: MarkReadData = { conversationId };
    return responseForOutcome(
      await this.send(this.command(user, conversationId, 'MarkRead', data)),
    );
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
    return responseForOutcome(
      await this.send(this.command(user, conversationId, 'RetryMessage', data)),
      { messageId },
    );
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
    return responseForOutcome(
      await this.send(this.command(user, conversationId, 'MarkMessageSent', data)),
      { messageId },
    );
  }

  private command<T extends string, D>(
    user: User,
    conversationId: string,
    type: T,
    data: D,
  ): CommandEnvelope<T, D> {
    return {
      commandId: newId(),
      service: CONVERSATION_SERVICE,
      type,
      data,
      metadata: {
        workspaceId: user.workspaceId,
        aggregateId: conversationId,
        issuedAt: this.clock().toISOString(),
        correlationId: newId(),
        causationId: null,
        actor: { kind: 'manager', id: user.id },
      },
    };
  }

  private async send(command: CommandEnvelope): Promise<CommandOutcome> {
    try {
      return await this.sender.send(command, this.config.COMMAND_TIMEOUT_MS);
    } catch (e) {
      if (e instanceof CommandTimedOut) {
        throw new GatewayTimeoutException({
          statusCode: 504,
          error: 'Gateway Timeout',
          message: e.message,
          commandId: e.commandId,
        });
      }
      throw e;
    }
  }
}
