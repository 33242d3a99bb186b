import { createHash } from 'node:crypto';

/**
 * Aggregate ids carry their workspace (many companies share one deployment) and are derived
 * from the source's own ids, so the same Telegram chat always maps to the same conversation.
 * They contain no '.', so they can be used as keys inside read-model documents.
 */
const part = (value: string | number): string => {
  const s = String(value);
  if (s.length === 0 || /[.\s]/.test(s)) throw new Error(`invalid id part "${s}"`);
  return s;
};

/** `ws1:tg:123456:987` — one conversation per Telegram chat with one bot. */
export const telegramConversationId = (
  workspaceId: string,
  botId: number | string,
  chatId: number | string,
): string => `${part(workspaceId)}:tg:${part(botId)}:${part(chatId)}`;

/** `ws1:contact:tg:987` — one contact per Telegram user in a workspace. */
export const telegramContactId = (workspaceId: string, telegramUserId: number | string): string =>
  `${part(workspaceId)}:contact:tg:${part(telegramUserId)}`;

/** `ws1:deal:tg:987` — the client's deal (one open deal per contact for now). */
export const telegramDealId = (workspaceId: string, telegramUserId: number | string): string =>
  `${part(workspaceId)}:deal:tg:${part(telegramUserId)}`;

/** The workspace an aggregate id belongs to. */
export const workspaceOf = (aggregateId: string): string =>
  aggregateId.slice(0, aggregateId.indexOf(':'));

/** The bot id in a Telegram token `123456:ABC...`. */
export const botIdFromToken = (token: string): string => {
  const match = /^(\d+):[A-Za-z0-9_-]+$/.exec(token);
  if (!match) throw new Error('a Telegram bot token looks like 123456:ABC-DEF...');
  return match[1]!;
};

/**
 * The click id of a contact's registration link (R7): 22 characters of base64url, derived from
 * the contact id, so it needs no storage and the same contact always gets the same link. Not a
 * secret: a conversion naming it must still be signed with a conversion key.
 */
export const clickIdOf = (contactId: string): string =>
  createHash('sha256')
    .update('parley-click|')
    .update(contactId)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
