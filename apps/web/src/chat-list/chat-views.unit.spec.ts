import type { ChatView } from '@parley/contracts';
import { translate } from '../i18n/translate';
import { chatViewName, chatViewSelection, matchingChatView } from './chat-views';

const views: ChatView[] = [
  {
    viewId: 'mine',
    name: 'Mine',
    builtIn: true,
    tab: 'all',
    archived: false,
    filters: { manager: 'me' },
  },
  {
    viewId: 'v1',
    name: 'VIP unread',
    builtIn: false,
    tab: 'pinned',
    archived: false,
    filters: { unread: true, tags: ['vip'] },
  },
];

describe('saved views of the chat list (issue 11)', () => {
  it('names the view the list shows: same tab, toggle and filters', () => {
    expect(
      matchingChatView(views, {
        view: { tab: 'pinned', archived: false },
        filters: { tags: ['vip'], unread: true },
      })?.viewId,
    ).toBe('v1');
    expect(
      matchingChatView(views, { view: { tab: 'all', archived: true }, filters: { manager: 'me' } }),
    ).toBeUndefined();
  });

  it('given a chosen view, then its tab, toggle and filters are shown', () => {
    expect(chatViewSelection(views[0] as ChatView)).toEqual({
      view: { tab: 'all', archived: false },
      filters: { manager: 'me' },
    });
  });

  it('names a built-in view in the interface’s language and a saved one as written', () => {
    const [mine, own] = views as [ChatView, ChatView];
    expect(chatViewName(mine, (key) => translate('ru', key))).toBe('Мои');
    expect(chatViewName(own, (key) => translate('ru', key))).toBe('VIP unread');
    expect(chatViewName({ ...mine, viewId: 'new-built-in' }, (key) => translate('en', key))).toBe(
      'Mine',
    );
  });
});
