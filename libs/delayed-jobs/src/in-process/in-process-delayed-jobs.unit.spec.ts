import { describeDelayedJobsContract } from '../testing/delayed-jobs.contract';
import { InProcessDelayedJobs } from './in-process-delayed-jobs';

describeDelayedJobsContract('in process', () => new InProcessDelayedJobs({ log: () => undefined }));
