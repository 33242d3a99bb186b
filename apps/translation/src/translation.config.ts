import { Sensitive } from '@parley/config';
import { Matches } from 'class-validator';
import { ServiceProcessConfig } from '@parley/platform';

/** The translation process: the usual service settings and the translation cache's Redis. */
export class TranslationProcessConfig extends ServiceProcessConfig {
  /** Redis for the translation cache, shared by every replica; may carry a password. */
  @Sensitive()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';
}
