import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SEARCH_QUERY_MAX_LENGTH } from '@parley/contracts';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;

/** GET /api/search?q=&limit= */
export class SearchQuery {
  /** What the manager typed: a name, a username, a tag or words of a message. */
  @IsString({ message: 'q must be a string' })
  @Length(1, SEARCH_QUERY_MAX_LENGTH, {
    message: `q must be 1 to ${SEARCH_QUERY_MAX_LENGTH} characters`,
  })
  q!: string;

  @IsOptional()
  // Decimal digits become a number; anything else is left for @IsInt to refuse, naming `limit`.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[0-9]{1,6}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_SEARCH_LIMIT, { message: `limit must be at most ${MAX_SEARCH_LIMIT}` })
  limit?: number;
}
