export {
  describeTranslationCacheContract,
  type CacheUnderTest,
} from './translation-cache.contract';
