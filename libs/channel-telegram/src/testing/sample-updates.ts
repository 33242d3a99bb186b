/**
 * Telegram Update JSON as a webhook receives it (https://core.telegram.org/bots/api#update),
 * for tests: a `/start` with or without a deep-link payload, and a plain text message.
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

const messageOf = (o: SampleUpdateOptions, text: string) => {
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
    text,
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
