import { CHAT_TABS } from '@parley/contracts';
import {
  CHAT_TABS_SHOWN,
  chatListQuery,
  chatTabsQuery,
  DEFAULT_CHAT_LIST_VIEW,
} from './chat-list-view';

describe('chat list views (L4, L8)', () => {
  it('shows every tab the gateway knows, in its order', () => {
    expect(CHAT_TABS_SHOWN).toEqual(CHAT_TABS);
  });

  it('asks for nothing in the default view, for the tab and the archive otherwise', () => {
    expect(chatListQuery(DEFAULT_CHAT_LIST_VIEW)).toBe('');
    expect(chatListQuery({ tab: 'pinned', archived: false })).toBe('?tab=pinned');
    expect(chatListQuery({ tab: 'all', archived: true })).toBe('?archived=true');
    expect(chatListQuery({ tab: 'auto', archived: true })).toBe('?tab=auto&archived=true');
  });

  it('adds the filters and the next page’s cursor (issue 11)', () => {
    expect(chatListQuery(DEFAULT_CHAT_LIST_VIEW, { unread: true }, 'abc')).toBe(
      '?unread=true&cursor=abc',
    );
    expect(chatListQuery({ tab: 'ignored', archived: false }, { tags: ['a', 'b'] })).toBe(
      '?tab=ignored&tags=a%2Cb',
    );
  });

  it('counts archived chats or the others, under the same filters', () => {
    expect(chatTabsQuery(false)).toBe('');
    expect(chatTabsQuery(true)).toBe('?archived=true');
    expect(chatTabsQuery(false, { manager: 'none' })).toBe('?manager=none');
  });
});
