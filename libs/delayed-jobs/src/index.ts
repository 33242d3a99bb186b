export type { DelayedJobs, DueJob, JobToSchedule } from './delayed-jobs.port';
export { jobId } from './job-id';
export { BullmqDelayedJobs, type BullmqDelayedJobsOptions } from './bullmq/bullmq-delayed-jobs';
export {
  InProcessDelayedJobs,
  type InProcessDelayedJobsOptions,
} from './in-process/in-process-delayed-jobs';
