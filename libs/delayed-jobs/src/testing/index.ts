export { describeDelayedJobsContract, type ContractPayload } from './delayed-jobs.contract';
