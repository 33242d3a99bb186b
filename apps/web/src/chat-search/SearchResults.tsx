import type { SearchHit, SearchResults as Results } from '@parley/contracts';
import { describeError } from '../api/describe-error';
import { useResource } from '../api/use-resource';
import { Avatar } from '../chat-list/Avatar';
import { formatChatTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { SnippetText } from './SnippetText';
import './chat-search.css';

/** Hits asked for at once: a manager refines the words rather than scrolling far. */
export const SEARCH_HIT_LIMIT = 50;

/**
 * What the search box found (L2), in place of the chat list: the contact, the chat's tags and
 * the matched text with the match marked. Choosing a hit opens its chat; a message hit scrolls
 * the timeline to that message.
 */
export function SearchResults(props: {
  query: string;
  search: (query: string, limit: number) => Promise<Results>;
  selectedId: string | null;
  onOpen: (hit: SearchHit) => void;
}) {
  const { t, language } = useI18n();
  const query = props.query.trim();
  const results = useResource(
    () => props.search(query, SEARCH_HIT_LIMIT),
    query === '' ? null : `search:${query}`,
    0,
  );
  const hits = results.data?.hits;
  const now = new Date();

  return (
    <div className="search-results" data-testid="search-results" aria-busy={results.loading}>
      {results.error !== undefined && (
        <p className="panel-error" role="alert">
          {t('chatSearch.failed', { message: describeError(results.error, t) })}
        </p>
      )}
      {hits === undefined && results.error === undefined && (
        <p className="panel-note">{t('chatSearch.searching')}</p>
      )}
      {hits !== undefined && hits.length === 0 && (
        <p className="panel-note" data-testid="search-nothing">
          {t('chatSearch.nothing', { query })}
        </p>
      )}
      <ul className="search-results__hits">
        {(hits ?? []).map((hit, i) => (
          <li key={`${hit.conversationId}:${hit.message?.timelineItemId ?? hit.matchedIn}:${i}`}>
            <button
              type="button"
              className={`search-hit${hit.conversationId === props.selectedId ? ' search-hit--selected' : ''}`}
              data-testid="search-result"
              data-conversation-id={hit.conversationId}
              data-matched-in={hit.matchedIn}
              data-timeline-item-id={hit.message?.timelineItemId}
              onClick={() => props.onOpen(hit)}
            >
              <Avatar name={hit.contactName} seed={hit.conversationId} url={null} />
              <span className="search-hit__body">
                <span className="search-hit__top">
                  <span className="search-hit__name">{hit.contactName}</span>
                  {hit.username && <span className="muted">@{hit.username}</span>}
                  {(hit.message?.at ?? hit.lastActivityAt) && (
                    <time className="search-hit__time">
                      {formatChatTime(hit.message?.at ?? hit.lastActivityAt ?? '', now, language)}
                    </time>
                  )}
                </span>
                {hit.tags.length > 0 && (
                  <span className="search-hit__tags">
                    {hit.tags.map((tag) => (
                      <span key={tag} className="search-hit__tag" data-testid="search-result-tag">
                        {tag}
                      </span>
                    ))}
                  </span>
                )}
                <span className="search-hit__match">
                  <span className="search-hit__field">
                    {t(`chatSearch.matchedIn.${hit.matchedIn}`)}
                  </span>
                  <SnippetText snippet={hit.snippet} highlights={hit.highlights} />
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
