import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  MaxLength,
  ValidateBy,
  isISO8601,
  type ValidationArguments,
} from 'class-validator';
import {
  CHAT_TABS,
  TAG_NAME_MAX,
  type ChatListFilters,
  type ChatStatus,
  type ChatTab,
} from '@parley/contracts';
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

/** Every status of a chat (L5), in the order the API names them in a refusal. */
export const CHAT_STATUSES = [
  'new_message',
  'new_system_notification',
  'sent',
  'error',
  'read',
] as const satisfies readonly ChatStatus[];

/** Most tags one filter names: more would be a scan in disguise, not a view a manager reads. */
export const MAX_FILTER_TAGS = 20;

/**
 * A comma-separated list in a query string (`tags=vip,price asked`) becomes its entries, trimmed,
 * empty ones dropped; an array (a saved view's JSON body) is kept as it is for the rules to check.
 */
const ListFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry.length > 0)
      : value,
  );

/** `1` or `2` in a query string becomes the number; anything else is left for @IsIn to refuse. */
const LineFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === '1' ? 1 : value === '2' ? 2 : value));

/** A list whose every entry is one of `allowed`; the refusal names the entries that are not. */
const IsListOf = (allowed: readonly string[]): PropertyDecorator =>
  ValidateBy({
    name: 'isListOf',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((entry) => typeof entry === 'string' && allowed.includes(entry)),
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        const unknown = Array.isArray(value)
          ? value.filter((entry) => typeof entry !== 'string' || !allowed.includes(entry))
          : [];
        const what = unknown.length > 0 ? `unknown ${unknown.map(String).join(', ')}` : 'empty';
        return `${args?.property} must be a comma-separated list of ${allowed.join(', ')} (${what})`;
      },
    },
  });

/** Tag names: 1 to MAX_FILTER_TAGS names of at most TAG_NAME_MAX characters. */
const IsTagList = (): PropertyDecorator =>
  ValidateBy({
    name: 'isTagList',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.length > 0 &&
        value.length <= MAX_FILTER_TAGS &&
        value.every(
          (tag) => typeof tag === 'string' && tag.length > 0 && tag.length <= TAG_NAME_MAX,
        ),
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        if (Array.isArray(value) && value.length > MAX_FILTER_TAGS) {
          return `tags may name at most ${MAX_FILTER_TAGS} tags (${value.length} given)`;
        }
        return `tags must be a comma-separated list of tag names of 1 to ${TAG_NAME_MAX} characters`;
      },
    },
  });

const DATE_OR_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An ISO 8601 date (`2026-11-01`, midnight UTC) or a date-time with its offset: a time without
 * one would be read in the server's zone, so it is refused. `to`, with `from`, must be later.
 */
const IsFilterDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isFilterDate',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (typeof value !== 'string' || !DATE_OR_DATE_TIME.test(value)) return false;
        if (!isISO8601(value, { strict: true }) || Number.isNaN(Date.parse(value))) return false;
        if (args?.property !== 'to') return true;
        const from: unknown = (args.object as { from?: unknown }).from;
        return typeof from !== 'string' || Number.isNaN(Date.parse(from))
          ? true
          : Date.parse(value) > Date.parse(from);
      },
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        const valid =
          typeof value === 'string' &&
          DATE_OR_DATE_TIME.test(value) &&
          isISO8601(value, { strict: true }) &&
          !Number.isNaN(Date.parse(value));
        return valid
          ? 'to must be later than from'
          : `${args?.property} must be an ISO 8601 date or a date-time with its offset (2026-11-01, 2026-11-01T09:00:00Z)`;
      },
    },
  });

/**
 * The chat list's filters (L3, L6, `ChatListFilters`), as query parameters of `GET /api/chats`
 * and `GET /api/chats/tabs` (lists comma-separated) and as a saved view's `filters` (JSON, lists
 * as arrays). Each refusal names the field and why.
 */
export class ChatListFilterParams implements ChatListFilters {
  @IsOptional() @ListFromQuery() @IsTagList() tags?: string[];
  /** `any` (default): a chat with one of the tags; `all`: with every one. */
  @IsOptional()
  @IsIn(['any', 'all'], { message: 'tagsMode must be any or all' })
  tagsMode?: 'any' | 'all';
  @IsOptional() @ListFromQuery() @IsListOf(CHAT_STATUSES) status?: ChatStatus[];
  /** true: unread client messages or marked unread (L9); false or absent: any. */
  @IsOptional() @BooleanFromQuery() @IsBoolean() unread?: boolean;
  @IsOptional() @IsFilterDate() from?: string;
  @IsOptional() @IsFilterDate() to?: string;
  /** A user id, `me` (the signed-in user) or `none` (unassigned). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9:_-]{1,200}$/, { message: 'manager must be me, none or a user id' })
  manager?: string;
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'source must be 1 to 100 characters' })
  source?: string;
  @IsOptional() @IsIn(['telegram'], { message: 'channel must be telegram' }) channel?: 'telegram';
  @IsOptional() @LineFromQuery() @IsIn([1, 2], { message: 'line must be 1 or 2' }) line?: 1 | 2;
}

/** GET /api/chats/tabs?archived=&<filters> */
export class ChatTabsQuery extends ChatListFilterParams {
  /** Count archived chats instead of the others (default false). */
  @IsOptional() @BooleanFromQuery() @IsBoolean() archived?: boolean;
}

/** GET /api/chats?limit=&cursor=&archived=&tab=&<filters> */
export class ChatListQuery extends ChatListFilterParams {
  /** A quick tab (L8): all (default), pinned, manual, auto, ignored. */
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
