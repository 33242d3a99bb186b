export { describeMediaStoreContract, type MediaStoreUnderTest } from './media-store.contract';
export { opusRecording } from './opus-recordings';
