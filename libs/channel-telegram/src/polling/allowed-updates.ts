import type { Update } from 'grammy/types';

/**
 * The update kinds Parley reads (see `classifyUpdate`): given to setWebhook
 * (`npm run telegram:webhook`) and to getUpdates (TELEGRAM_MODE=polling), one list for both, so
 * Telegram sends neither path anything the other would not get.
 */
export const TELEGRAM_ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'my_chat_member',
] as const satisfies readonly Exclude<keyof Update, 'update_id'>[];
