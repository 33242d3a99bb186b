import 'reflect-metadata';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess } from '@parley/platform';
import { RobotsServiceModule } from '@parley/robots-service';
import { RobotsProcessConfig } from './robots.config';

/** The robots service as its own process: rules, and their runs on the events that trigger them. */
const config = loadConfigOrExit(RobotsProcessConfig);
void runServiceProcess('robots', config, async () => ({
  modules: [RobotsServiceModule.register({ timeZone: config.PARLEY_TIME_ZONE })],
}));
