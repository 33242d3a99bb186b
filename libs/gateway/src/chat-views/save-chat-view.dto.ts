import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  CHAT_TABS,
  IsVisibleText,
  NestedObject,
  type ChatView,
  type SaveChatViewRequest,
} from '@parley/contracts';
import { ChatListFilterParams } from '../chats/query-params.dto';

/**
 * POST /api/chat-views (`SaveChatViewRequest`): a name of 1 to 60 characters a person can read,
 * a tab (default all), the archive toggle (default false) and the filters, checked by the same
 * rules as `GET /api/chats`'s query (lists as JSON arrays here). 400 naming each field.
 */
export class SaveChatViewBody implements SaveChatViewRequest {
  @IsString()
  @Length(1, 60, { message: 'name must be 1 to 60 characters' })
  @IsVisibleText()
  name!: string;
  @IsOptional()
  @IsIn(CHAT_TABS, { message: `tab must be one of ${CHAT_TABS.join(', ')}` })
  tab?: ChatView['tab'];
  @IsOptional() @IsBoolean() archived?: boolean;
  @NestedObject(() => ChatListFilterParams) filters!: ChatListFilterParams;
}
