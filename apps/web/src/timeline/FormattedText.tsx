import type { ReactNode } from 'react';
import type { TextEntity } from '@parley/contracts';
import { textSegments, type TextStyle } from './text-entities';

const wrap = (style: TextStyle, node: ReactNode, key: string): ReactNode => {
  switch (style) {
    case 'bold':
      return <strong key={key}>{node}</strong>;
    case 'italic':
      return <em key={key}>{node}</em>;
    case 'underline':
      return <u key={key}>{node}</u>;
    case 'strikethrough':
      return <s key={key}>{node}</s>;
    case 'code':
      return <code key={key}>{node}</code>;
    case 'spoiler':
      return (
        <span key={key} className="bubble__spoiler">
          {node}
        </span>
      );
    default: {
      const _exhaustive: never = style;
      return _exhaustive;
    }
  }
};

/**
 * A client's text with its formatting (bold, italic, links, mentions, ...): every piece is a
 * React text node, never HTML, and only safe links (http, https, tg, mailto, tel) are links.
 */
export function FormattedText(props: {
  text: string;
  entities?: readonly TextEntity[];
  className?: string;
}) {
  const segments = textSegments(props.text, props.entities);
  return (
    <p className={props.className ?? 'bubble__text'}>
      {segments.map((segment, i) => {
        let node: ReactNode = segment.text;
        for (const style of segment.styles) node = wrap(style, node, `${i}-${style}`);
        return segment.href === null ? (
          <span key={i}>{node}</span>
        ) : (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {node}
          </a>
        );
      })}
    </p>
  );
}
