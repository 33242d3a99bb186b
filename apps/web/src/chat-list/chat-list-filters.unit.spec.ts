import { CHAT_LIST_FILTER_KEYS, type ChatListFilters } from '@parley/contracts';
import {
  activeFilterCount,
  CHAT_LIST_FILTER_KEYS_SHOWN,
  filtersFromParams,
  sameFilters,
  writeFilterParams,
} from './chat-list-filters';

const written = (filters: ChatListFilters): string => {
  const params = new URLSearchParams();
  writeFilterParams(params, filters);
  return params.toString();
};

describe('chat list filters in a query string (issue 11)', () => {
  it('writes the gateway’s parameters in the contracts’ order', () => {
    expect(CHAT_LIST_FILTER_KEYS_SHOWN).toEqual(CHAT_LIST_FILTER_KEYS);
  });

  it('given every filter, when written and read back, then they are the same filters', () => {
    const filters: ChatListFilters = {
      tags: ['vip', 'price asked'],
      tagsMode: 'all',
      status: ['new_message', 'error'],
      unread: true,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      manager: 'me',
      source: 'instagram',
      channel: 'telegram',
      line: 2,
    };
    const query = written(filters);
    expect(query).toBe(
      'tags=vip%2Cprice+asked&tagsMode=all&status=new_message%2Cerror&unread=true' +
        '&from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&manager=me' +
        '&source=instagram&channel=telegram&line=2',
    );
    expect(filtersFromParams(new URLSearchParams(query))).toEqual(filters);
  });

  it('writes nothing for "any": no filters, an empty list, unread off, tagsMode without tags', () => {
    expect(written({})).toBe('');
    expect(written({ tags: [], status: [], unread: false, tagsMode: 'all' })).toBe('');
    expect(written({ tags: ['vip'], tagsMode: 'any' })).toBe('tags=vip');
  });

  it('given a hand-edited link, then what it cannot mean is left out, not an error', () => {
    const params = new URLSearchParams(
      'tags=,vip,,&tagsMode=some&status=new_message,lost&unread=yes&from=yesterday&to=' +
        '&manager=%20&source=&channel=whatsapp&line=3',
    );
    expect(filtersFromParams(params)).toEqual({ tags: ['vip'], status: ['new_message'] });
  });

  it('counts the filters set and compares filters by what they ask for', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ tags: ['a', 'b'], tagsMode: 'all', unread: true, line: 1 })).toBe(3);
    expect(sameFilters({ unread: true, tags: ['a'] }, { tags: ['a'], unread: true })).toBe(true);
    expect(sameFilters({ unread: false }, {})).toBe(true);
    expect(sameFilters({ tags: ['a'] }, { tags: ['a'], tagsMode: 'all' })).toBe(false);
  });
});
