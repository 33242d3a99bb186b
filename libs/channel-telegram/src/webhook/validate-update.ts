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
const FILE_KEYS = [
  'file_id',
  'file_unique_id',
  'file_size',
  'mime_type',
  'file_name',
  'width',
  'height',
  'duration',
  'length',
];
const LOCATION_KEYS = ['latitude', 'longitude', 'live_period'];

/** Each file-carrying field of a message, and the keys Parley reads of it. */
const MESSAGE_OBJECT_KEYS: Readonly<Record<string, readonly string[]>> = {
  video: FILE_KEYS,
  video_note: FILE_KEYS,
  voice: FILE_KEYS,
  audio: FILE_KEYS,
  document: FILE_KEYS,
  animation: FILE_KEYS,
  sticker: [...FILE_KEYS, 'is_animated', 'is_video', 'emoji'],
  location: LOCATION_KEYS,
  venue: ['location', 'title', 'address'],
  contact: ['phone_number', 'first_name', 'last_name', 'user_id'],
  poll: ['question', 'options', 'type'],
  dice: ['emoji', 'value'],
};

const entitiesSubset = (entities: unknown): unknown =>
  Array.isArray(entities)
    ? entities.map((e) => {
        const entity = pick(e, ['type', 'offset', 'length', 'url', 'user']);
        if (isRecord(entity) && 'user' in entity) entity['user'] = pick(entity['user'], USER_KEYS);
        return entity;
      })
    : entities;

const messageSubset = (raw: unknown): unknown => {
  if (!isRecord(raw)) return raw;
  const message = pick(raw, [
    'message_id',
    'date',
    'edit_date',
    'chat',
    'from',
    'text',
    'caption',
    'entities',
    'caption_entities',
    'photo',
    ...Object.keys(MESSAGE_OBJECT_KEYS),
  ]) as Record<string, unknown>;
  if ('chat' in message) message['chat'] = pick(message['chat'], ['id', 'type']);
  if ('from' in message) message['from'] = pick(message['from'], USER_KEYS);
  if ('entities' in message) message['entities'] = entitiesSubset(message['entities']);
  if ('caption_entities' in message) {
    message['caption_entities'] = entitiesSubset(message['caption_entities']);
  }
  if (Array.isArray(message['photo'])) {
    message['photo'] = message['photo'].map((size) => pick(size, FILE_KEYS));
  }
  for (const [field, keys] of Object.entries(MESSAGE_OBJECT_KEYS)) {
    if (field in message) message[field] = pick(message[field], keys);
  }
  if (isRecord(message['venue']) && 'location' in message['venue']) {
    message['venue']['location'] = pick(message['venue']['location'], LOCATION_KEYS);
  }
  if (isRecord(message['poll']) && Array.isArray(message['poll']['options'])) {
    message['poll']['options'] = message['poll']['options'].map((o) => pick(o, ['text']));
  }
  return message;
};

const chatMemberUpdatedSubset = (raw: unknown): unknown => {
  if (!isRecord(raw)) return raw;
  const updated = pick(raw, [
    'chat',
    'from',
    'date',
    'old_chat_member',
    'new_chat_member',
  ]) as Record<string, unknown>;
  if ('chat' in updated) updated['chat'] = pick(updated['chat'], ['id', 'type']);
  if ('from' in updated) updated['from'] = pick(updated['from'], USER_KEYS);
  for (const member of ['old_chat_member', 'new_chat_member']) {
    if (member in updated) updated[member] = pick(updated[member], ['status']);
  }
  return updated;
};

/** The part of an update Parley reads, with everything else left out. */
export const updateSubset = (body: unknown): unknown => {
  if (!isRecord(body)) return body;
  const subset = pick(body, ['update_id', 'message', 'edited_message', 'my_chat_member']) as Record<
    string,
    unknown
  >;
  for (const kind of ['message', 'edited_message']) {
    if (kind in subset) subset[kind] = messageSubset(subset[kind]);
  }
  if ('my_chat_member' in subset) {
    subset['my_chat_member'] = chatMemberUpdatedSubset(subset['my_chat_member']);
  }
  return subset;
};

/**
 * Check the fields of a webhook body that Parley reads; throws a ContractViolation naming every
 * bad field (`update_id`, `message.chat`, ...). Unknown fields are tolerated, not checked. The
 * result is the body with `message`, `edited_message` and `my_chat_member` cut down to the
 * checked subset; other update kinds (`callback_query`, ...) pass through unread, so they can be
 * named in logs.
 */
export const validateTelegramUpdate = (body: unknown): TelegramUpdate => {
  const subset = validatePlain<TelegramUpdate>(
    TelegramUpdateDto,
    updateSubset(body),
    'Telegram update',
  );
  return { ...(body as Record<string, unknown>), ...subset } as TelegramUpdate;
};
