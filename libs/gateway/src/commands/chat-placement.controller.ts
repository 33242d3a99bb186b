import { Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import {
  CONVERSATION_SERVICE,
  type ChatPlacementCommand,
  type ChatPlacementData,
  type CommandResponse,
  type MarkUnreadData,
  type User,
} from '@parley/contracts';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { GatewayCommands } from './gateway-commands';

/**
 * Where a manager puts a chat in the list (L4 archive and unarchive, L8 pin and unpin, ignore
 * and unignore the client, L9 mark unread): each a command to the conversation service,
 * answered with its outcome (202; 404 for a chat not in the user's workspace). A chat already
 * where it is asked to be is accepted and changes nothing.
 */
@Controller('api/chats')
@UseGuards(AccessTokenGuard)
export class ChatPlacementController {
  constructor(
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(ChatQueries) private readonly chats: ChatQueries,
  ) {}

  @Post(':conversationId/archive')
  @HttpCode(202)
  archive(@CurrentUser() user: User, @Param('conversationId') conversationId: string) {
    return this.place(user, conversationId, 'ArchiveConversation');
  }

  @Post(':conversationId/unarchive')
  @HttpCode(202)
  unarchive(@CurrentUser() user: User, @Param('conversationId') conversationId: string) {
    return this.place(user, conversationId, 'UnarchiveConversation');
  }

  @Post(':conversationId/pin')
  @HttpCode(202)
  pin(@CurrentUser() user: User, @Param('conversationId') conversationId: string) {
    return this.place(user, conversationId, 'PinConversation');
  }

  @Post(':conversationId/unpin')
  @HttpCode(202)
  unpin(@CurrentUser() user: User, @Param('conversationId') conversationId: string) {
    return this.place(user, conversationId, 'UnpinConversation');
  }

  /** The client on the ignore list (L8): kept, no alerts, only under the Ignored tab. */
  @Post(':conversationId/ignore')
  @HttpCode(202)
  ignore(@CurrentUser() user: User, @Param('conversationId') conversationId: string) {
    return this.place(user, conversationId, 'IgnoreConversation');
  }

  @Post(':conversationId/unignore')
  @HttpCode(202)
  unignore(@CurrentUser() user: User, @Param('conversationId') conversationId: string) {
    return this.place(user, conversationId, 'UnignoreConversation');
  }

  /** Marked unread (L9) until somebody reads it (`POST /api/chats/:id/read`). */
  @Post(':conversationId/unread')
  @HttpCode(202)
  async markUnread(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: MarkUnreadData = { conversationId };
    return this.commands.send(
      CONVERSATION_SERVICE,
      user,
      conversationId,
      'MarkConversationUnread',
      data,
    );
  }

  private async place(
    user: User,
    conversationId: string,
    type: ChatPlacementCommand,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: ChatPlacementData = { conversationId };
    return this.commands.send(CONVERSATION_SERVICE, user, conversationId, type, data);
  }
}
