import type { SearchHighlight } from '@parley/contracts';
import { highlightParts } from './highlight-parts';

/** A hit's snippet with what matched in `<mark>`: text nodes only, never HTML. */
export function SnippetText(props: { snippet: string; highlights: readonly SearchHighlight[] }) {
  return (
    <span className="search-hit__snippet" data-testid="search-snippet">
      {highlightParts(props.snippet, props.highlights).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
