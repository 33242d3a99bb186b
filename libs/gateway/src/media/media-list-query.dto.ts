import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';
import { MEDIA_KINDS, type MediaKind } from '@parley/contracts';

export const DEFAULT_MEDIA_PAGE_SIZE = 60;
export const MAX_MEDIA_PAGE_SIZE = 200;

/** Where the next page of a Media tab starts: after this file, newest first. */
export interface MediaCursor {
  readonly createdAt: string;
  readonly mediaId: string;
}

export const encodeMediaCursor = (cursor: MediaCursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt, cursor.mediaId])).toString('base64url');

export const decodeMediaCursor = (value: string): MediaCursor | null => {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [createdAt, mediaId] = parsed as unknown[];
    return typeof createdAt === 'string' && typeof mediaId === 'string'
      ? { createdAt, mediaId }
      : null;
  } catch {
    return null;
  }
};

/** GET /api/chats/:conversationId/media?kind=photo,video&before=&limit= */
export class MediaListQuery {
  /** Comma-separated kinds (MEDIA_KINDS); the Media tab's kinds (MEDIA_TAB_KINDS) when absent. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((kind) => kind.trim()) : value,
  )
  @IsIn(MEDIA_KINDS, { each: true, message: `kind must be among ${MEDIA_KINDS.join(', ')}` })
  kind?: MediaKind[];

  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[0-9]{1,6}$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(MAX_MEDIA_PAGE_SIZE)
  limit?: number;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'isMediaCursor',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && decodeMediaCursor(value) !== null,
      defaultMessage: () => 'before is not a cursor this API returned',
    },
  })
  before?: string;
}
