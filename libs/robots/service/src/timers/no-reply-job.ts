import type { ClientMessageReceived } from '@parley/contracts';
import { jobId } from '@parley/delayed-jobs';

/** What a no-reply timer carries: the rule it runs, and the client message that started it. */
export interface NoReplyJob {
  readonly ruleId: string;
  /** The first unanswered client message: the run's trigger (its causation and correlation). */
  readonly message: ClientMessageReceived;
}

/** A timer's job id: the domain's timer id in the characters BullMQ takes. */
export const noReplyJobId = (timerId: string): string => jobId(timerId);

/** Checks a job's payload as it comes back from Redis; throws on anything else. */
export const noReplyJobOf = (payload: unknown): NoReplyJob => {
  const job = payload as Partial<NoReplyJob> | null;
  if (
    typeof job?.ruleId !== 'string' ||
    job.message?.type !== 'Conversation.ClientMessageReceived' ||
    typeof job.message.data?.conversationId !== 'string'
  ) {
    throw new Error('a no-reply timer without its rule and client message');
  }
  return job as NoReplyJob;
};
