import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { CHAT_TABS, type ChatTab } from '@parley/contracts';
import { decodeChatListCursor } from './chat-list-cursor';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `true`/`false` in a query string; anything else is left for @IsBoolean to refuse. */
const BooleanFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/**
 * Decimal digits in a query string become a number; anything else (`1e9`, `0x10`, ` 5`, `-1`,
 * a repeated parameter) is left as it is for @IsInt to refuse, naming the parameter.
 */
const IntegerFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[0-9]{1,6}$/.test(value) ? Number(value) : value,
  );

/** A chat-list cursor this gateway wrote: base64url of its sort key, checked before use. */
const IsChatListCursor = (): PropertyDecorator =>
  ValidateBy({
    name: 'isChatListCursor',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        /^[A-Za-z0-9_-]{1,1000}$/.test(value) &&
        decodeChatListCursor(value) !== null,
      defaultMessage: () => 'cursor is not a cursor this API returned',
    },
  });

/** GET /api/chats/tabs?archived= */
export class ChatTabsQuery {
  /** Count archived chats instead of the others (default false). */
  @IsOptional() @BooleanFromQuery() @IsBoolean() archived?: boolean;
}

/** GET /api/chats?limit=&cursor=&archived=&tab= */
export class ChatListQuery {
  /** A quick tab (L8): all (default), pinned, manual, auto. */
  @IsOptional()
  @IsIn(CHAT_TABS, { message: `tab must be one of ${CHAT_TABS.join(', ')}` })
  tab?: ChatTab;
  @IsOptional() @IntegerFromQuery() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @IsString() @MaxLength(1000) @IsChatListCursor() cursor?: string;
  /** Archived chats instead of the others (default false). */
  @IsOptional() @BooleanFromQuery() @IsBoolean() archived?: boolean;
}

/** GET /api/chats/:id/timeline?before=&limit= */
export class TimelineQuery {
  @IsOptional() @IntegerFromQuery() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
  /** The `nextCursor` of the previous page: items before this `orderKey` (loading upward, C5). */
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,60}$/, { message: 'before must be a timeline cursor' })
  before?: string;
}
