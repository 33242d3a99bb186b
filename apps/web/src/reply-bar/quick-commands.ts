import type { RenderedTemplate } from '@parley/contracts';
import type { ReplyAttachment } from './use-attachment-upload';

/**
 * Quick commands (B3): a draft that is `/` alone, or `/word` alone, asks for a reply template.
 * What follows the slash filters the chat's templates by shortcode or name.
 */

/** What follows the `/` when the whole draft is a quick command; null when it is not one. */
export const quickCommandQuery = (draft: string): string | null => {
  const match = /^\/([^\s/]*)$/.exec(draft);
  return match ? (match[1] as string) : null;
};

/**
 * The templates matching `query` (case-insensitive, in the shortcode or the name): those whose
 * shortcode starts with it first, then the other matches, each group in the library's order.
 */
export const filterQuickCommands = <T extends Pick<RenderedTemplate, 'shortcode' | 'name'>>(
  templates: readonly T[],
  query: string,
): T[] => {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [...templates];
  const first: T[] = [];
  const then: T[] = [];
  for (const template of templates) {
    const shortcode = template.shortcode.toLowerCase();
    if (shortcode.startsWith(wanted)) first.push(template);
    else if (shortcode.includes(wanted) || template.name.toLowerCase().includes(wanted)) {
      then.push(template);
    }
  }
  return [...first, ...then];
};

/** What a key does while the popup is open. */
export type QuickCommandKeyAction =
  | { readonly type: 'move'; readonly index: number }
  | { readonly type: 'choose'; readonly index: number }
  | { readonly type: 'close' }
  /** Enter with nothing to choose: neither chooses nor sends. */
  | { readonly type: 'swallow' }
  /** Not the popup's key: the textarea handles it. */
  | { readonly type: 'none' };

/**
 * Up and Down move the highlight (round the ends), Enter chooses the highlighted template
 * (Shift+Enter and Enter while composing are the textarea's), Escape closes the popup.
 */
export const quickCommandKey = (
  key: { readonly key: string; readonly shiftKey?: boolean; readonly isComposing?: boolean },
  active: number,
  count: number,
): QuickCommandKeyAction => {
  if (key.isComposing) return { type: 'none' };
  switch (key.key) {
    case 'ArrowDown':
      return count === 0 ? { type: 'none' } : { type: 'move', index: (active + 1) % count };
    case 'ArrowUp':
      return count === 0 ? { type: 'none' } : { type: 'move', index: (active - 1 + count) % count };
    case 'Enter':
      if (key.shiftKey) return { type: 'none' };
      return count === 0
        ? { type: 'swallow' }
        : { type: 'choose', index: clampIndex(active, count) };
    case 'Escape':
      return { type: 'close' };
    default:
      return { type: 'none' };
  }
};

/** The highlight kept inside the list when it got shorter. */
export const clampIndex = (active: number, count: number): number =>
  count === 0 ? 0 : Math.max(0, Math.min(active, count - 1));

/**
 * What a chosen template does to the reply's file (issue 13): a template with a file puts that
 * file in the chip (replacing any other), to send with the text as its caption; a text-only
 * template removes an earlier template's file but keeps the manager's own upload.
 */
export const attachmentAfterChoosing = (
  template: Pick<RenderedTemplate, 'templateId' | 'attachment'>,
  current: ReplyAttachment | null,
): ReplyAttachment | null => {
  const file = template.attachment;
  if (file === null) return current?.status === 'template' ? null : current;
  return {
    status: 'template',
    kind: file.kind,
    name: file.fileName,
    size: file.size,
    templateId: template.templateId,
    uploaded: { ...file, durationSeconds: null },
  };
};
