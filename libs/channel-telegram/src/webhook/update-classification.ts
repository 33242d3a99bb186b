import { ContractViolation, type FieldIssue } from '@parley/contracts';
import type { TelegramMessage, TelegramUser } from './telegram-update.dto';
import { validateTelegramUpdate } from './validate-update';

/** A message from a client in a private chat with the bot: it always has a sender. */
export type ClientMessage = TelegramMessage & { readonly from: TelegramUser };

/**
 * What the webhook makes of one update (with the right secret; every outcome answers 200):
 * - `started`: `/start [payload]` in a private chat → Channel.ClientStarted;
 * - `text`: any other text in a private chat → Channel.MessageReceived with text content;
 * - `unsupported`: a private message without text (photo, voice, ...) → Channel.MessageReceived
 *   with unsupported content, caption kept, so it shows as "Unsupported message (photo)";
 * - `ignored`: an update kind or chat Parley does not handle (channel posts, groups, edits,
 *   callback queries, ...): counted, not stored;
 * - `rejected`: an update Parley should handle but cannot use (it breaks the Update contract,
 *   an absurd date, ...) → Channel.UpdateRejected with the reason;
 * - `unusable`: no update_id to dedupe on (not an object, update_id missing or bad): logged and
 *   counted, nothing stored.
 */
export type UpdateClassification =
  | {
      readonly kind: 'started';
      readonly updateId: number;
      readonly message: ClientMessage;
      readonly payload: string;
    }
  | {
      readonly kind: 'text';
      readonly updateId: number;
      readonly message: ClientMessage & { readonly text: string };
    }
  | {
      readonly kind: 'unsupported';
      readonly updateId: number;
      readonly message: ClientMessage;
      readonly unsupportedKind: string;
      readonly caption: string | null;
    }
  | { readonly kind: 'ignored'; readonly updateId: number; readonly updateKind: string }
  | {
      readonly kind: 'rejected';
      readonly updateId: number;
      readonly reason: string;
      readonly issues: readonly FieldIssue[];
    }
  | { readonly kind: 'unusable'; readonly reason: string };

/** Update kinds of the Bot API (https://core.telegram.org/bots/api#update) besides `message`. */
const OTHER_UPDATE_KINDS: ReadonlySet<string> = new Set([
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
]);

/**
 * What a message without text can carry, in the order they are looked for: `animation` before
 * `document` (an animation carries both), then the service messages a private chat can hold.
 */
export const UNSUPPORTED_MESSAGE_KINDS: readonly string[] = [
  'photo',
  'voice',
  'video',
  'video_note',
  'animation',
  'audio',
  'document',
  'sticker',
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
  'game',
  'story',
  'invoice',
  'paid_media',
  'checklist',
  'giveaway',
  'giveaway_winners',
  'successful_payment',
  'refunded_payment',
  'users_shared',
  'chat_shared',
  'write_access_allowed',
  'pinned_message',
  'message_auto_delete_timer_changed',
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/**
 * Classify a webhook body that came with the right secret. Pure: the same body and bot always
 * give the same answer; nothing here throws on any input.
 */
export const classifyUpdate = (
  body: unknown,
  bot: { readonly username: string },
): UpdateClassification => {
  if (!isRecord(body)) {
    return { kind: 'unusable', reason: `the body is ${describe(body)}, not an Update object` };
  }
  const updateId = body['update_id'];
  if (typeof updateId !== 'number' || !Number.isSafeInteger(updateId) || updateId < 0) {
    return {
      kind: 'unusable',
      reason:
        updateId === undefined
          ? 'the update has no update_id'
          : `update_id is ${JSON.stringify(updateId) ?? describe(updateId)}, not a non-negative integer`,
    };
  }
  const kinds = Object.keys(body).filter((k) => k !== 'update_id');
  if (kinds.length !== 1) {
    return {
      kind: 'rejected',
      updateId,
      reason:
        kinds.length === 0
          ? 'the update carries no update kind'
          : `the update carries ${kinds.length} update kinds (${kinds.slice(0, 5).join(', ')}); Telegram sends one`,
      issues: [],
    };
  }
  const updateKind = kinds[0]!;
  if (updateKind !== 'message') {
    return {
      kind: 'ignored',
      updateId,
      updateKind: OTHER_UPDATE_KINDS.has(updateKind) ? updateKind : 'unknown',
    };
  }
  const raw = body['message'];
  const chat = isRecord(raw) ? raw['chat'] : undefined;
  const chatType = isRecord(chat) ? chat['type'] : undefined;
  if (typeof chatType === 'string' && chatType !== 'private') {
    return {
      kind: 'ignored',
      updateId,
      updateKind: ['group', 'supergroup', 'channel'].includes(chatType)
        ? `message.${chatType}`
        : 'message.unknown',
    };
  }
  let message: TelegramMessage;
  try {
    message = validateTelegramUpdate(body).message!;
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    return { kind: 'rejected', updateId, reason: error.message, issues: error.issues };
  }
  if (message.from === undefined) {
    const issues = [{ field: 'message.from', reason: 'must be present in a private chat' }];
    return { kind: 'rejected', updateId, reason: 'a private message without a sender', issues };
  }
  const clientMessage = message as ClientMessage;
  if (clientMessage.text !== undefined) {
    const text = clientMessage.text;
    const payload = startPayload(clientMessage, bot.username);
    if (payload !== null) return { kind: 'started', updateId, message: clientMessage, payload };
    return { kind: 'text', updateId, message: { ...clientMessage, text } };
  }
  const rawMessage = raw as Record<string, unknown>;
  const unsupportedKind = UNSUPPORTED_MESSAGE_KINDS.find((k) => k in rawMessage) ?? 'unknown';
  const caption = clientMessage.caption?.trim() ? clientMessage.caption : null;
  return { kind: 'unsupported', updateId, message: clientMessage, unsupportedKind, caption };
};

/**
 * The payload of `/start [payload]` (or `/start@<bot> [payload]`), as grammY's `command('start')`
 * finds it: a bot_command entity at offset 0; null when the text is no /start command.
 */
const startPayload = (message: TelegramMessage, botUsername: string): string | null => {
  const text = message.text ?? '';
  const command = message.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!command) return null;
  const [name, addressee] = text.slice(1, command.length).split('@');
  if (name !== 'start') return null;
  if (addressee !== undefined && addressee.toLowerCase() !== botUsername.toLowerCase()) return null;
  return text.slice(command.length).trim();
};
