/**
 * The name a sender gave a file, made safe to offer as a download name (it never becomes a path:
 * the store names files by media id). Keeps letters of every script, digits, spaces and ordinary
 * punctuation; drops any directory part (`/` or `\`), control and format characters (including
 * bidirectional overrides that disguise an extension), quotes, and the characters Windows refuses
 * in names; trims dots and spaces at the ends; cuts at 200 characters keeping the extension.
 * null when nothing usable remains.
 */
const MAX_LENGTH = 200;
// Cc: controls; Cf: format (RLO, zero-width); Zl/Zp: line and paragraph separators.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"'`<>:*?|]/gu;

export const sanitiseFileName = (name: string | null | undefined): string | null => {
  if (!name) return null;
  const lastPart = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastPart
    .replace(/[\t\n\v\f\r]+/g, ' ')
    .replace(UNSAFE, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  if (cleaned === '') return null;
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    const stem = Array.from(cleaned.slice(0, dot)).slice(0, MAX_LENGTH - extension.length);
    return stem.join('').trimEnd() + extension.join('');
  }
  return chars.slice(0, MAX_LENGTH).join('').trimEnd();
};

/** The download name of a file whose sender gave none: `photo-1a2b3c4d.jpg`. */
export const fallbackFileName = (kind: string, mediaId: string, extension: string | null): string =>
  `${kind}-${mediaId.slice(0, 8)}${extension ? `.${extension}` : ''}`;
