import 'reflect-metadata';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess } from '@parley/platform';
import { RobotsServiceModule } from '@parley/robots-service';
import { RobotsProcessConfig } from './robots.config';

/** The robots service as its own process: rules, their runs, no-reply timers in BullMQ on Redis. */
const config = loadConfigOrExit(RobotsProcessConfig);
void runServiceProcess('robots', config, async () => ({
  modules: [
    RobotsServiceModule.register({
      timeZone: config.PARLEY_TIME_ZONE,
      timers: { kind: 'bullmq', redisUrl: config.REDIS_URL },
    }),
  ],
}));
