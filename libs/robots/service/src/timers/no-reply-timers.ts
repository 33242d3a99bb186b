import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { ClientMessageReceived } from '@parley/contracts';
import type { DelayedJobs } from '@parley/delayed-jobs';
import { HealthRegistry } from '@parley/platform';
import { noReplyTimerIdsOf, noReplyTimersFor } from '@parley/robots-domain';
import { RuleBook } from '../rule-book/rule-book';
import { RuleRunner } from '../runs/rule-runner';
import { noReplyJobId, noReplyJobOf, type NoReplyJob } from './no-reply-job';

/** DI token of the robots' delayed jobs (`DelayedJobs<NoReplyJob>`). */
export const NO_REPLY_JOBS = 'parley:RobotsNoReplyJobs';

/**
 * "No reply from a manager for N minutes" (A1): a client message starts a timer per no-reply
 * rule of the workspace (one per rule and conversation: the wait counts from the first
 * unanswered message); a manager's message cancels them; a timer that comes due runs its rule on
 * the client message that started it. The timers are delayed jobs: BullMQ on Redis in the
 * services mode, so they survive restarts of the robots service; in process in `npm start`,
 * where a restart forgets the timers running (README says so).
 */
@Injectable()
export class NoReplyTimers implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('robots timers');

  constructor(
    @Inject(NO_REPLY_JOBS) private readonly jobs: DelayedJobs<NoReplyJob>,
    @Inject(RuleBook) private readonly rules: RuleBook,
    @Inject(RuleRunner) private readonly runner: RuleRunner,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health?.register({
      name: 'robots-timers',
      description: `robots' no-reply timers: ${this.jobs.description}`,
      check: () => this.jobs.check(),
    });
    await this.jobs.start(async (job) => {
      const { ruleId, message } = noReplyJobOf(job.payload);
      this.logger.log(`no reply in ${message.data.conversationId}: rule ${ruleId} is due`);
      await this.runner.runNoReply(message, ruleId);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
  }

  /** A client wrote: start the timers of the workspace's no-reply rules not yet running. */
  async clientWrote(message: ClientMessageReceived): Promise<void> {
    const rules = await this.rules.enabledRules(message.metadata.workspaceId);
    // The wait counts from when the message was recorded, not from when it reached us.
    const at = new Date(message.metadata.occurredAt);
    const timers = noReplyTimersFor(rules, message.data.conversationId, at);
    for (const timer of timers) {
      await this.jobs.schedule({
        id: noReplyJobId(timer.id),
        dueAt: timer.dueAt,
        payload: { ruleId: timer.ruleId, message },
      });
    }
  }

  /** A manager replied: no rule waits for a reply in this conversation any more. */
  async managerReplied(workspaceId: string, conversationId: string): Promise<void> {
    const rules = await this.rules.enabledRules(workspaceId);
    for (const id of noReplyTimerIdsOf(rules, conversationId)) {
      await this.jobs.cancel(noReplyJobId(id));
    }
  }
}
