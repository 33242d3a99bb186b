import {
  DEFAULT_MESSENGER_LOCATION,
  messengerLocationFromSearch,
  messengerLocationSearch,
  type MessengerLocation,
} from './messenger-location';

describe('the messenger’s location in the address (issue 11)', () => {
  it('given the default location, then the address has no query', () => {
    expect(messengerLocationSearch(DEFAULT_MESSENGER_LOCATION)).toBe('');
    expect(messengerLocationFromSearch('')).toEqual(DEFAULT_MESSENGER_LOCATION);
  });

  it('given a tab, the toggle, filters, a search and an open chat, when written and read, then the same location', () => {
    const location: MessengerLocation = {
      view: { tab: 'ignored', archived: true },
      filters: { tags: ['vip'], unread: true, line: 1 },
      search: 'Анна & co',
      openChatId: 'w1:tg:42:1001',
    };
    const search = messengerLocationSearch(location);
    expect(search).toBe(
      '?q=%D0%90%D0%BD%D0%BD%D0%B0+%26+co&tab=ignored&archived=true&tags=vip&unread=true' +
        '&line=1&chat=w1%3Atg%3A42%3A1001',
    );
    expect(messengerLocationFromSearch(search)).toEqual(location);
  });

  it('given an unknown tab or an empty chat, then the defaults', () => {
    expect(messengerLocationFromSearch('?tab=spam&archived=1&chat=')).toEqual(
      DEFAULT_MESSENGER_LOCATION,
    );
  });
});
