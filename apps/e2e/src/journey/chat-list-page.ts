import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { waitUntil } from '@parley/test-infra';

/**
 * The chat list of a manager's page, by the Telegram chat ids the specs write from: one chat's row
 * and a wait until exactly some chats are listed (in any order).
 */
export const chatListOf = (page: () => Page, conversationId: (chatId: number) => string) => {
  const item = (chatId: number): Locator =>
    page().locator(`[data-testid="chat-item"][data-conversation-id="${conversationId(chatId)}"]`);
  const listed = (): Promise<string[]> =>
    page()
      .getByTestId('chat-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-conversation-id') ?? ''));
  const shows = (what: string, expected: readonly number[]): Promise<true> =>
    waitUntil(what, async () => {
      const ids = (await listed()).sort();
      const want = expected.map(conversationId).sort();
      return isDeepStrictEqual(ids, want) ? true : undefined;
    });
  return { item, shows };
};
