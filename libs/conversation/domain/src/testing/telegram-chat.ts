import type { ChannelClient, TelegramSource } from '@parley/contracts';

/*
 * Anna's Telegram chat with bot 111, the one conversation of the conversation decider specs.
 * Not exported from the library: specs import it by path.
 */

export const conversationId = 'ws1:tg:111:987';

/** Where Anna writes from, and where replies go. */
export const source: TelegramSource = { channel: 'telegram', botId: '111', chatId: '987' };

/** Anna as Telegram shows her; the decider keeps her language as it comes, whichever it is. */
export const client: ChannelClient = {
  externalId: '987',
  username: 'anna',
  firstName: 'Anna',
  lastName: null,
  languageCode: 'es',
};
