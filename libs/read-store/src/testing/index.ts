export { describeReadStoreContract } from './read-store.contract';
