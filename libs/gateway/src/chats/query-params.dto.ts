import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MaxLength,
} from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;

/** `true`/`false` in a query string; anything else is left for @IsBoolean to refuse. */
const BooleanFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/** GET /api/chats?limit=&cursor=&archived= */
export class ChatListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
  /** Archived chats instead of the others (default false). */
  @IsOptional() @BooleanFromQuery() @IsBoolean() archived?: boolean;
}

/** GET /api/chats/:id/timeline?before=&limit= */
export class TimelineQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** The `nextCursor` of the previous page: items before this seq (loading upward, C5). */
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,30}$/, { message: 'before must be a seq cursor' })
  before?: string;
}
