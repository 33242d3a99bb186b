export { describeMediaStoreContract, type MediaStoreUnderTest } from './media-store.contract';
