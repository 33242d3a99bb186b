export { RobotsServiceModule } from './robots-service.module';
export type { RobotsServiceOptions } from './options';
export { ruleStream, runsStream } from './robots-streams';
