import { validatePlain } from '@parley/contracts';
import { TelegramUpdateDto, type TelegramUpdate } from './telegram-update.dto';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copy only `keys` of `value` (those present), so the strict validator sees just our subset. */
const pick = (value: unknown, keys: readonly string[]): unknown => {
  if (!isRecord(value)) return value;
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (key in value) picked[key] = value[key];
  return picked;
};

const USER_KEYS = ['id', 'is_bot', 'first_name', 'last_name', 'username', 'language_code'];

/** The part of an update Parley reads, with everything else left out. */
export const updateSubset = (body: unknown): unknown => {
  if (!isRecord(body)) return body;
  const subset = pick(body, ['update_id', 'message']) as Record<string, unknown>;
  if ('message' in subset && isRecord(subset['message'])) {
    const message = pick(subset['message'], [
      'message_id',
      'date',
      'chat',
      'from',
      'text',
      'caption',
      'entities',
    ]) as Record<string, unknown>;
    if ('chat' in message) message['chat'] = pick(message['chat'], ['id', 'type']);
    if ('from' in message) message['from'] = pick(message['from'], USER_KEYS);
    if (Array.isArray(message['entities'])) {
      message['entities'] = message['entities'].map((e) => pick(e, ['type', 'offset', 'length']));
    }
    subset['message'] = message;
  }
  return subset;
};

/**
 * Check the fields of a webhook body that Parley reads; throws a ContractViolation naming every
 * bad field (`update_id`, `message.chat`, ...). Unknown fields are tolerated, not checked. The
 * result is the body with `message` cut down to the checked subset; other update kinds
 * (`edited_message`, `callback_query`, ...) pass through unread, so they can be named in logs.
 */
export const validateTelegramUpdate = (body: unknown): TelegramUpdate => {
  const subset = validatePlain<TelegramUpdate>(
    TelegramUpdateDto,
    updateSubset(body),
    'Telegram update',
  );
  return { ...(body as Record<string, unknown>), ...subset } as TelegramUpdate;
};
