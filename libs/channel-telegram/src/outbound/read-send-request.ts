import { readConversationEvent } from '@parley/contracts';
import type { SendRequest } from './outbound-channel-events';
import { TELEGRAM_TEXT_LIMIT } from './text-limit';

/**
 * A request to send from the bus, checked against its contract (docs/style.md 19). The contract
 * takes texts up to Telegram's limit only; a longer one (the gateway refuses it, so only a bug or
 * a foreign producer sends one) would be a poison message no manager ever hears of. So when the
 * request is valid but for its text's length, it is returned with its text, for the channel to
 * refuse with a reason the manager reads; anything else wrong throws the contract's error.
 */
export const readSendRequest = <T extends SendRequest['type']>(
  type: T,
  payload: unknown,
): Extract<SendRequest, { type: T }> => {
  try {
    return readConversationEvent(type, payload);
  } catch (violation) {
    const text = longTextOf(payload);
    if (text === null) throw violation;
    const cut = withText(payload, text.slice(0, TELEGRAM_TEXT_LIMIT));
    let request: Extract<SendRequest, { type: T }>;
    try {
      request = readConversationEvent(type, cut);
    } catch {
      throw violation;
    }
    return { ...request, data: { ...request.data, content: { kind: 'text', text } } };
  }
};

const contentOf = (payload: unknown): Record<string, unknown> | null => {
  const data = (payload as { data?: unknown } | null)?.data;
  const content = (data as { content?: unknown } | null | undefined)?.content;
  return typeof content === 'object' && content !== null
    ? (content as Record<string, unknown>)
    : null;
};

/** The text of a text content longer than Telegram's limit, else null. */
const longTextOf = (payload: unknown): string | null => {
  const content = contentOf(payload);
  const text = content?.['text'];
  return content?.['kind'] === 'text' &&
    typeof text === 'string' &&
    text.length > TELEGRAM_TEXT_LIMIT
    ? text
    : null;
};

const withText = (payload: unknown, text: string): unknown => {
  const event = payload as { data: Record<string, unknown> };
  return { ...event, data: { ...event.data, content: { ...contentOf(payload), text } } };
};
