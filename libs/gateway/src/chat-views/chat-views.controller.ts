import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import type { ChatView, User } from '@parley/contracts';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatViews } from './chat-views';
import { SaveChatViewBody } from './save-chat-view.dto';

/**
 * The signed-in user's views of the chat list (issue 11): the built-ins and their own. Each user
 * sees and deletes only their own; another user's view answers 404 like an unknown one.
 */
@Controller('api/chat-views')
@UseGuards(AccessTokenGuard)
export class ChatViewsController {
  constructor(@Inject(ChatViews) private readonly views: ChatViews) {}

  @Get()
  async list(@CurrentUser() user: User): Promise<{ items: readonly ChatView[] }> {
    return { items: await this.views.list(user) };
  }

  /** 201 with the view; 409 `view.name_taken` or `view.limit_reached`. */
  @Post()
  @HttpCode(201)
  save(@CurrentUser() user: User, @Body() body: SaveChatViewBody): Promise<ChatView> {
    return this.views.save(user, body);
  }

  /** 204; 404 `view.not_found`, 409 `view.built_in`. */
  @Delete(':viewId')
  @HttpCode(204)
  async delete(@CurrentUser() user: User, @Param('viewId') viewId: string): Promise<void> {
    await this.views.delete(user, viewId);
  }
}
