import { ContractViolation, type FieldIssue, type MessageContent } from '@parley/contracts';
import { telegramMessageContent } from './telegram-message-content';
import type {
  TelegramChatMemberUpdated,
  TelegramMessage,
  TelegramUpdate,
  TelegramUser,
} from './telegram-update.dto';
import { validateTelegramUpdate } from './validate-update';

/** A message from a client in a private chat with the bot: it always has a sender. */
export type ClientMessage = TelegramMessage & { readonly from: TelegramUser };

/**
 * What the webhook makes of one update (with the right secret; every outcome answers 200):
 * - `started`: `/start [payload]` in a private chat → Channel.ClientStarted;
 * - `message`: any other message in a private chat → Channel.MessageReceived with its content
 *   (text with entities, photo, voice, sticker, location, ..., or `unsupported` for a kind
 *   Parley does not show, caption kept: nothing a client sends disappears);
 * - `edited`: a client edited a message in a private chat → Channel.MessageEdited;
 * - `blocked` / `unblocked`: `my_chat_member` in a private chat, the bot's new status `kicked`
 *   / `member` → Channel.BotBlocked / Channel.BotUnblocked;
 * - `ignored`: an update kind or chat Parley does not handle (channel posts, groups and
 *   supergroups, callback queries, ...): counted, not stored;
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
      readonly kind: 'message' | 'edited';
      readonly updateId: number;
      readonly message: ClientMessage;
      readonly content: MessageContent;
    }
  | {
      readonly kind: 'blocked' | 'unblocked';
      readonly updateId: number;
      readonly change: TelegramChatMemberUpdated;
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

/** The update kinds Parley reads in a private chat; other chats' are ignored. */
const CHAT_UPDATE_KINDS = ['message', 'edited_message', 'my_chat_member'] as const;
type ChatUpdateKind = (typeof CHAT_UPDATE_KINDS)[number];

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
  if (!(CHAT_UPDATE_KINDS as readonly string[]).includes(updateKind)) {
    return {
      kind: 'ignored',
      updateId,
      updateKind: OTHER_UPDATE_KINDS.has(updateKind) ? updateKind : 'unknown',
    };
  }
  const kind = updateKind as ChatUpdateKind;
  const raw = body[kind];
  const chat = isRecord(raw) ? raw['chat'] : undefined;
  const chatType = isRecord(chat) ? chat['type'] : undefined;
  if (typeof chatType === 'string' && chatType !== 'private') {
    // Groups, supergroups and channels are not client conversations: counted, never stored.
    return {
      kind: 'ignored',
      updateId,
      updateKind: ['group', 'supergroup', 'channel'].includes(chatType)
        ? `${kind}.${chatType}`
        : `${kind}.unknown`,
    };
  }
  let update: TelegramUpdate;
  try {
    update = validateTelegramUpdate(body);
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    return { kind: 'rejected', updateId, reason: error.message, issues: error.issues };
  }
  if (kind === 'my_chat_member') return memberChange(updateId, update.my_chat_member!);
  const message = update[kind]!;
  if (message.from === undefined) {
    const issues = [{ field: `${kind}.from`, reason: 'must be present in a private chat' }];
    return { kind: 'rejected', updateId, reason: 'a private message without a sender', issues };
  }
  const clientMessage = message as ClientMessage;
  const content = telegramMessageContent(clientMessage, Object.keys(raw as object));
  if (kind === 'edited_message') {
    return { kind: 'edited', updateId, message: clientMessage, content };
  }
  if (clientMessage.text !== undefined) {
    const payload = startPayload(clientMessage, bot.username);
    if (payload !== null) return { kind: 'started', updateId, message: clientMessage, payload };
  }
  return { kind: 'message', updateId, message: clientMessage, content };
};

/**
 * The bot's membership in a private chat: `kicked` is the client blocking the bot, `member`
 * the client unblocking (or restarting) it; other statuses do not happen in a private chat.
 */
const memberChange = (
  updateId: number,
  change: TelegramChatMemberUpdated,
): UpdateClassification => {
  switch (change.new_chat_member.status) {
    case 'kicked':
      return { kind: 'blocked', updateId, change };
    case 'member':
      return { kind: 'unblocked', updateId, change };
    default:
      return { kind: 'ignored', updateId, updateKind: 'my_chat_member' };
  }
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
