import {
  Controller,
  Get,
  Inject,
  Optional,
  Query,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import type { SearchResults, User } from '@parley/contracts';
import { SEARCH_INDEX } from '@parley/platform';
import type { SearchIndex } from '@parley/search';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { DEFAULT_SEARCH_LIMIT, SearchQuery } from './search-query.dto';

/**
 * Search (L2): a chat by the client's name or username, a tag, or a word of a message or of its
 * translation, in the signed-in user's workspace only. A process without a search index (the
 * platform's SEARCH_INDEX) answers 503.
 */
@Controller('api/search')
@UseGuards(AccessTokenGuard)
export class SearchController {
  constructor(
    @Optional() @Inject(SEARCH_INDEX) private readonly index: SearchIndex | null = null,
  ) {}

  @Get()
  async search(@CurrentUser() user: User, @Query() query: SearchQuery): Promise<SearchResults> {
    if (!this.index) throw new ServiceUnavailableException('this process keeps no search index');
    const hits = await this.index.search(
      user.workspaceId,
      query.q,
      query.limit ?? DEFAULT_SEARCH_LIMIT,
    );
    return { query: query.q, hits };
  }
}
