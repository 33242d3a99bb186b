import type { ChatListItem } from '@parley/contracts';
import { en } from '../i18n/en';
import type { Translate } from '../i18n/translate';

/** How the projector writes an unsupported message's preview: "Unsupported message (photo): caption". */
const UNSUPPORTED_PREVIEW = /^Unsupported message \(([a-z][a-z0-9_]*)\)(?:: ([\s\S]*))?$/;

/**
 * The chat list's line for the last message, in the manager's language. The projector writes
 * the kind's English name first ("Photo: my receipt", "Voice message 0:12"): it is replaced by
 * the manager's language, the rest kept. An unsupported message reads "Unsupported message
 * (game)", translated, with its caption after it; text is the preview as written.
 */
export const lastMessagePreviewText = (
  lastMessage: NonNullable<ChatListItem['lastMessage']>,
  t: Translate,
): string => {
  if (lastMessage.kind === 'text') return lastMessage.preview;
  if (lastMessage.kind !== 'unsupported') {
    // The projector's English names (`CONTENT_KIND_LABELS`) are the source dictionary's.
    const english = en[`content.kind.${lastMessage.kind}`];
    return lastMessage.preview.startsWith(english)
      ? `${t(`content.kind.${lastMessage.kind}`)}${lastMessage.preview.slice(english.length)}`
      : lastMessage.preview;
  }
  const match = UNSUPPORTED_PREVIEW.exec(lastMessage.preview);
  if (!match) return lastMessage.preview;
  const label = t('message.unsupported', { kind: match[1]! });
  return match[2] === undefined ? label : `${label}: ${match[2]}`;
};
