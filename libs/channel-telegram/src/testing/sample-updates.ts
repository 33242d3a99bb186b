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

/**
 * A private message of each kind Parley shows (issue 9), in the Bot API's documented shapes
 * (https://core.telegram.org/bots/api#message): the fields the kind adds to a message.
 */
export const SAMPLE_MESSAGE_FIELDS = {
  text_with_entities: {
    text: 'Hi @anna, see https://example.com and <b>this</b>',
    entities: [
      { type: 'bold', offset: 0, length: 2 },
      { type: 'mention', offset: 3, length: 5 },
      { type: 'url', offset: 14, length: 19 },
      { type: 'text_link', offset: 38, length: 11, url: 'https://example.com/this' },
    ],
  },
  photo: {
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
    caption: 'my receipt',
    caption_entities: [{ type: 'italic', offset: 3, length: 7 }],
  },
  video: {
    video: {
      file_id: 'BAACAgIAAxkBAAIBvideo',
      file_unique_id: 'AgADvideo',
      width: 1920,
      height: 1080,
      duration: 31,
      file_name: 'holiday.mp4',
      mime_type: 'video/mp4',
      file_size: 4_200_000,
    },
    caption: 'look',
  },
  video_note: {
    video_note: {
      file_id: 'DQACAgIAAxkBAAIBnote',
      file_unique_id: 'AgADnote',
      length: 384,
      duration: 5,
      file_size: 310_000,
    },
  },
  voice: {
    voice: {
      file_id: 'AwACAgIAAxkBAAIBvoice',
      file_unique_id: 'AgADvoice',
      duration: 12,
      mime_type: 'audio/ogg',
      file_size: 24_000,
    },
  },
  audio: {
    audio: {
      file_id: 'CQACAgIAAxkBAAIBaudio',
      file_unique_id: 'AgADaudio',
      duration: 215,
      performer: 'Band',
      title: 'Song',
      file_name: 'song.mp3',
      mime_type: 'audio/mpeg',
      file_size: 3_400_000,
    },
  },
  document: {
    document: {
      file_id: 'BQACAgIAAxkBAAIBdoc',
      file_unique_id: 'AgADdoc',
      file_name: 'contract.pdf',
      mime_type: 'application/pdf',
      file_size: 120_000,
    },
    caption: 'signed',
  },
  sticker_static: {
    sticker: {
      file_id: 'CAACAgIAAxkBAAIBstatic',
      file_unique_id: 'AgADstatic',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '😀',
      file_size: 20_000,
    },
  },
  sticker_animated: {
    sticker: {
      file_id: 'CAACAgIAAxkBAAIBanim',
      file_unique_id: 'AgADanim',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: true,
      is_video: false,
      emoji: '🎉',
      file_size: 30_000,
    },
  },
  sticker_video: {
    sticker: {
      file_id: 'CAACAgIAAxkBAAIBwebm',
      file_unique_id: 'AgADwebm',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: true,
      emoji: '🔥',
      file_size: 40_000,
    },
  },
  animation: {
    animation: {
      file_id: 'CgACAgIAAxkBAAIBgif',
      file_unique_id: 'AgADgif',
      width: 320,
      height: 240,
      duration: 3,
      file_name: 'funny.mp4',
      mime_type: 'video/mp4',
      file_size: 150_000,
    },
    document: {
      file_id: 'CgACAgIAAxkBAAIBgif',
      file_unique_id: 'AgADgif',
      file_name: 'funny.mp4',
      mime_type: 'video/mp4',
      file_size: 150_000,
    },
  },
  location: { location: { latitude: 52.520008, longitude: 13.404954 } },
  venue: {
    location: { latitude: 48.858844, longitude: 2.294351 },
    venue: {
      location: { latitude: 48.858844, longitude: 2.294351 },
      title: 'Eiffel Tower',
      address: 'Champ de Mars, Paris',
    },
  },
  contact: {
    contact: {
      phone_number: '+33 1 23 45 67 89',
      first_name: 'Bo',
      last_name: 'Lind',
      user_id: 555,
    },
  },
  poll: {
    poll: {
      id: '5012345678901234567',
      question: 'Which day suits you?',
      options: [
        { text: 'Monday', voter_count: 0 },
        { text: 'Friday', voter_count: 0 },
      ],
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    },
  },
  dice: { dice: { emoji: '🎲', value: 4 } },
  game: {
    game: { title: 'Tetris', description: 'Play', photo: [] },
  },
} as const;

export type SampleMessageKind = keyof typeof SAMPLE_MESSAGE_FIELDS;

/** A private message of one kind (`SAMPLE_MESSAGE_FIELDS`) from the client. */
export const sampleMessageUpdate = (
  options: SampleUpdateOptions & { readonly kind: SampleMessageKind },
): SampleUpdate => ({
  update_id: options.updateId,
  message: { ...messageOf(options), ...SAMPLE_MESSAGE_FIELDS[options.kind] },
});

/** The client edited a message: `edited_message` with the message's new text and `edit_date`. */
export const sampleEditedTextUpdate = (
  options: SampleUpdateOptions & { readonly text: string; readonly editDate?: number },
): SampleUpdate => {
  const message = messageOf(options, options.text);
  return {
    update_id: options.updateId,
    edited_message: { ...message, edit_date: options.editDate ?? message.date + 60 },
  };
};

/** The client edited a photo's caption: `edited_message` with the photo and its new caption. */
export const sampleEditedCaptionUpdate = (
  options: SampleUpdateOptions & { readonly caption: string; readonly editDate?: number },
): SampleUpdate => {
  const message = messageOf(options);
  return {
    update_id: options.updateId,
    edited_message: {
      ...message,
      photo: SAMPLE_MESSAGE_FIELDS.photo.photo,
      caption: options.caption,
      edit_date: options.editDate ?? message.date + 60,
    },
  };
};

/**
 * The bot's membership in the client's private chat changed (`my_chat_member`): `kicked` when
 * the client blocked the bot, `member` when they unblocked it.
 */
export const sampleMyChatMemberUpdate = (
  options: SampleUpdateOptions & {
    readonly status: 'kicked' | 'member';
    readonly botId?: number;
  },
): SampleUpdate => {
  const { from, chat, date } = messageOf(options);
  const bot = {
    id: options.botId ?? 123_456,
    is_bot: true,
    first_name: 'Parley',
    username: 'parley_bot',
  };
  const kicked = { status: 'kicked', user: bot, until_date: 0 };
  const member = { status: 'member', user: bot };
  return {
    update_id: options.updateId,
    my_chat_member: {
      chat,
      from,
      date,
      old_chat_member: options.status === 'kicked' ? member : kicked,
      new_chat_member: options.status === 'kicked' ? kicked : member,
    },
  };
};
