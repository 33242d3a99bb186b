/**
 * Telegram Update JSON as a webhook receives it (https://core.telegram.org/bots/api#update),
 * for tests: a `/start` with or without a deep-link payload, a plain text message, a photo, and
 * the updates Parley ignores (a group message, a channel post).
 */
export interface SampleUpdateOptions {
  readonly updateId: number;
  readonly chatId: number;
  /** The client's Telegram user id; defaults to the chat id (a private chat). */
  readonly userId?: number;
  readonly messageId?: number;
  /** Unix seconds. Default 1_767_225_600 (2026-01-01T00:00:00Z). */
  readonly date?: number;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly username?: string;
  readonly languageCode?: string;
}

export type SampleUpdate = Record<string, unknown> & { update_id: number };

const messageOf = (o: SampleUpdateOptions, text?: string) => {
  const userId = o.userId ?? o.chatId;
  const firstName = o.firstName ?? 'Anna';
  return {
    message_id: o.messageId ?? o.updateId,
    from: {
      id: userId,
      is_bot: false,
      first_name: firstName,
      ...(o.lastName !== undefined && { last_name: o.lastName }),
      ...(o.username !== undefined && { username: o.username }),
      language_code: o.languageCode ?? 'en',
    },
    chat: {
      id: o.chatId,
      first_name: firstName,
      ...(o.username !== undefined && { username: o.username }),
      type: 'private',
    },
    date: o.date ?? 1_767_225_600,
    ...(text !== undefined && { text }),
  };
};

/** `/start` or `/start <payload>` (a deep link t.me/<bot>?start=<payload>). */
export const sampleStartUpdate = (
  options: SampleUpdateOptions & { readonly payload?: string },
): SampleUpdate => ({
  update_id: options.updateId,
  message: {
    ...messageOf(options, options.payload ? `/start ${options.payload}` : '/start'),
    entities: [{ offset: 0, length: 6, type: 'bot_command' }],
  },
});

/** A plain text message from the client. */
export const sampleTextUpdate = (
  options: SampleUpdateOptions & { readonly text: string },
): SampleUpdate => ({
  update_id: options.updateId,
  message: messageOf(options, options.text),
});

/** A photo from the client (no `text`; a `caption` when given), as Telegram sends it. */
export const samplePhotoUpdate = (
  options: SampleUpdateOptions & { readonly caption?: string },
): SampleUpdate => ({
  update_id: options.updateId,
  message: {
    ...messageOf(options),
    photo: [
      {
        file_id: 'AgACAgIAAxkBAAIBZ2-small',
        file_unique_id: 'AQADsmall',
        width: 90,
        height: 67,
        file_size: 1200,
      },
      {
        file_id: 'AgACAgIAAxkBAAIBZ2-large',
        file_unique_id: 'AQADlarge',
        width: 1280,
        height: 960,
        file_size: 98_000,
      },
    ],
    ...(options.caption !== undefined && { caption: options.caption }),
  },
});

/** A text message in a group or supergroup the bot was added to. */
export const sampleGroupUpdate = (
  options: SampleUpdateOptions & { readonly text: string; readonly type: 'group' | 'supergroup' },
): SampleUpdate => {
  const message = messageOf(options, options.text);
  return {
    update_id: options.updateId,
    message: { ...message, chat: { id: options.chatId, title: 'Team chat', type: options.type } },
  };
};

/** A post in a channel the bot was added to: no `from`, the channel as `sender_chat`. */
export const sampleChannelPostUpdate = (
  options: Pick<SampleUpdateOptions, 'updateId' | 'chatId' | 'date'> & { readonly text: string },
): SampleUpdate => {
  const chat = { id: options.chatId, title: 'News', type: 'channel' };
  return {
    update_id: options.updateId,
    channel_post: {
      message_id: options.updateId,
      sender_chat: chat,
      chat,
      date: options.date ?? 1_767_225_600,
      text: options.text,
      ...(options.text.startsWith('/') && {
        entities: [{ offset: 0, length: options.text.split(' ')[0]!.length, type: 'bot_command' }],
      }),
    },
  };
};
