import 'reflect-metadata';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess } from '@parley/platform';
import {
  TranslationConfig,
  translationOptionsFromConfig,
  TranslationServiceModule,
} from '@parley/translation-service';
import { TranslationProcessConfig } from './translation.config';

/**
 * The translation service as its own process: client messages' languages and translations, the
 * translation commands (settings, drafts, AI advice and scoring); translations cached in Redis.
 */
const config = loadConfigOrExit(TranslationProcessConfig);
const translation = loadConfigOrExit(TranslationConfig);
void runServiceProcess('translation', config, async () => ({
  modules: [
    TranslationServiceModule.register({
      ...translationOptionsFromConfig(translation),
      cache: { kind: 'redis', redisUrl: config.REDIS_URL },
    }),
  ],
}));
