import { loadConfig } from '@parley/config';
import { SearchConfig, searchDatabaseUrl, searchSchema } from './search.config';

describe('search config', () => {
  it("given nothing set, then the event store's PostgreSQL, in a schema named after the event store's", () => {
    const config = loadConfig(SearchConfig, {});

    expect(searchDatabaseUrl(config, 'postgres://db/parley')).toBe('postgres://db/parley');
    expect(searchSchema(config, 'parley')).toBe('parley_search');
  });

  it('given SEARCH_SCHEMA, then that schema', () => {
    expect(searchSchema(loadConfig(SearchConfig, { SEARCH_SCHEMA: 'find' }), 'parley')).toBe(
      'find',
    );
  });

  it('given SEARCH_DATABASE_URL, then that one, whatever the event store', () => {
    const config = loadConfig(SearchConfig, { SEARCH_DATABASE_URL: 'postgres://search/parley' });

    expect(searchDatabaseUrl(config, 'esdb://events:2113')).toBe('postgres://search/parley');
  });

  it('given an EventStoreDB event store and no SEARCH_DATABASE_URL, then an error naming the variable', () => {
    expect(() => searchDatabaseUrl(loadConfig(SearchConfig, {}), 'esdb://events:2113')).toThrow(
      /SEARCH_DATABASE_URL/,
    );
  });

  it('given a bad value, then loading names the variable', () => {
    expect(() => loadConfig(SearchConfig, { SEARCH_DATABASE_URL: 'mysql://x' })).toThrow(
      /SEARCH_DATABASE_URL/,
    );
    expect(() => loadConfig(SearchConfig, { SEARCH_SCHEMA: 'Bad-Name' })).toThrow(/SEARCH_SCHEMA/);
  });
});
