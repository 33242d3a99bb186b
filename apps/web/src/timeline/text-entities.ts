import type { TextEntity } from '@parley/contracts';

/** How a piece of formatted text looks: the styles over it, and where it links to (if safe). */
export interface TextSegment {
  readonly text: string;
  readonly styles: readonly TextStyle[];
  readonly href: string | null;
}

export type TextStyle = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'spoiler';

const STYLES: ReadonlySet<string> = new Set([
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'spoiler',
]);

/** Only these schemes become links: never `javascript:`, `data:` or anything else a client chose. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'tg:', 'mailto:', 'tel:']);

/** `url` as a link target when its scheme is safe; null otherwise (it stays plain text). */
export const safeHref = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    return SAFE_SCHEMES.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
};

/** Where an entity links to, from its own text (a `url`, a `@mention`) or its `url` field. */
const hrefOf = (entity: TextEntity, entityText: string): string | null => {
  switch (entity.type) {
    case 'text_link':
      return entity.url === null ? null : safeHref(entity.url);
    case 'url':
      return safeHref(
        /^[a-z][a-z0-9+.-]*:/i.test(entityText) ? entityText : `https://${entityText}`,
      );
    case 'mention':
      return /^@[A-Za-z0-9_]{1,32}$/.test(entityText)
        ? `https://t.me/${entityText.slice(1)}`
        : null;
    case 'text_mention':
      return entity.userId === null ? null : `tg://user?id=${entity.userId}`;
    case 'email':
      return safeHref(`mailto:${entityText}`);
    case 'phone_number':
      return safeHref(`tel:${entityText.replace(/[^\d+]/g, '')}`);
    default:
      return null;
  }
};

/**
 * Cut a text at every entity's edges (offsets count UTF-16 code units, as JavaScript strings
 * do), each piece with the styles and the link of the entities over it. The pieces are plain
 * strings: the web app renders them as text nodes, never as HTML. Entities that fall outside the
 * text are cut to it.
 */
export const textSegments = (
  text: string,
  entities: readonly TextEntity[] | undefined,
): TextSegment[] => {
  const usable = (entities ?? [])
    .map((e) => ({
      entity: e,
      start: Math.max(0, Math.min(e.offset, text.length)),
      end: Math.max(0, Math.min(e.offset + e.length, text.length)),
    }))
    .filter((e) => e.end > e.start);
  const cuts = new Set([0, text.length]);
  for (const e of usable) {
    cuts.add(e.start);
    cuts.add(e.end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const over = usable.filter((e) => e.start <= start && e.end >= end);
    const styles = [
      ...new Set(
        over.map((e) => e.entity.type).filter((type): type is TextStyle => STYLES.has(type)),
      ),
    ];
    let href: string | null = null;
    for (const e of over) {
      href = hrefOf(e.entity, text.slice(e.start, e.end)) ?? href;
    }
    segments.push({ text: text.slice(start, end), styles, href });
  }
  return segments;
};
