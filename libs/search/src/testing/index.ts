export { describeSearchIndexContract, type SearchIndexUnderTest } from './search-index.contract';
