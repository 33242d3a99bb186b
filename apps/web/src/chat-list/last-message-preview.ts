import type { ChatListItem } from '@parley/contracts';
import type { Translate } from '../i18n/translate';

/** How the projector writes an unsupported message's preview: "Unsupported message (photo): caption". */
const UNSUPPORTED_PREVIEW = /^Unsupported message \(([a-z][a-z0-9_]*)\)(?:: ([\s\S]*))?$/;

/**
 * The chat list's line for the last message, in the manager's language. An unsupported message
 * (a photo, a voice note, ... that Parley cannot show yet) reads "Unsupported message (photo)",
 * translated, with its caption after it; any other kind is the preview as the projector wrote it.
 */
export const lastMessagePreviewText = (
  lastMessage: NonNullable<ChatListItem['lastMessage']>,
  t: Translate,
): string => {
  if (lastMessage.kind !== 'unsupported') return lastMessage.preview;
  const match = UNSUPPORTED_PREVIEW.exec(lastMessage.preview);
  if (!match) return lastMessage.preview;
  const label = t('message.unsupported', { kind: match[1]! });
  return match[2] === undefined ? label : `${label}: ${match[2]}`;
};
