import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Bus } from '@parley/bus';
import {
  commandsTopic,
  deterministicId,
  type ClientMessageReceived,
  type RuleRan,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { BUS, CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
import {
  conversationParties,
  evaluateRules,
  happeningOf,
  robotDepth,
  type ActionClient,
  type ConversationParties,
  type Happening,
  type Rule,
  type RuleRun,
  type TriggerEvent,
} from '@parley/robots-domain';
import { ROBOTS_SERVICE_OPTIONS, type RobotsServiceOptions } from '../options';
import { runsStream } from '../robots-streams';
import { RuleBook, type BookRule } from '../rule-book/rule-book';
import { readActionClient, readConversationFacts, readRuns } from './conversation-reads';
import { RoundRobinTurns } from './round-robin-turns';
import { runCommands } from './run-commands';

/** The CRM has not recorded the conversation's client yet: thrown so the bus tries again. */
export class FactsNotReady extends Error {}

const ruleRanEvent = (
  trigger: TriggerEvent,
  rule: Rule,
  run: RuleRun,
  depth: number,
  ranAt: string,
): RuleRan => {
  const runId = deterministicId('robot-run', rule.ruleId, trigger.metadata.eventId);
  return {
    type: 'Robots.RuleRan',
    data: {
      runId,
      ruleId: rule.ruleId,
      ruleName: rule.definition.name,
      conversationId: trigger.data.conversationId,
      outcome: run.outcome,
      actions: run.outcome === 'run' ? run.actions : [],
      reason: run.outcome === 'stopped' ? run.reason : null,
      depth,
      ranAt,
    },
    metadata: {
      eventId: deterministicId('robot-run-event', runId),
      workspaceId: trigger.metadata.workspaceId,
      aggregateId: trigger.data.conversationId,
      occurredAt: ranAt,
      schemaVersion: 1,
      correlationId: trigger.metadata.correlationId,
      causationId: trigger.metadata.eventId,
      actor: { kind: 'robot', id: rule.ruleId },
    },
  };
};

/**
 * Runs a workspace's rules on one triggering event (A2): the facts of its conversation from the
 * CRM's streams, the enabled rules from the rule book, the depth from the runs of the trigger's
 * chain (robotDepth), then evaluateRules. Each run is recorded once as `Robots.RuleRan` on
 * `robots-{conversationId}` (its id derives from rule and trigger, so a redelivered trigger
 * records nothing new), then its commands are sent. A recorded run's commands are sent again on
 * redelivery: a crash between record and send loses none, and the targets ignore repeats
 * (a template is rendered, and a task's assignee chosen, from the streams as they are at send).
 */
@Injectable()
export class RuleRunner {
  private readonly logger = new Logger('robots');
  private readonly turns: RoundRobinTurns;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BUS) private readonly bus: Bus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROBOTS_SERVICE_OPTIONS) private readonly options: RobotsServiceOptions,
    @Inject(RuleBook) private readonly rules: RuleBook,
  ) {
    this.turns = new RoundRobinTurns(store);
  }

  /** Runs the rules an event triggers (`first`: a client message is the conversation's first). */
  async run(trigger: TriggerEvent, first = false): Promise<void> {
    await this.runOn(trigger, happeningOf(trigger, first));
  }

  /**
   * Runs one rule whose no-reply timer came due, on the client message that started the timer
   * (its trigger: the run's causation and correlation).
   */
  async runNoReply(message: ClientMessageReceived, ruleId: string): Promise<void> {
    await this.runOn(message, { kind: 'no_manager_reply', ruleId });
  }

  private async runOn(trigger: TriggerEvent, happening: Happening): Promise<void> {
    const { conversationId } = trigger.data;
    const parties = conversationParties(conversationId);
    if (!parties) {
      this.logger.warn(`no rules for ${conversationId}: its client's contact is not known`);
      return;
    }
    const rules = await this.rules.enabledRules(trigger.metadata.workspaceId);
    if (rules.length === 0) return;
    const facts = await readConversationFacts(this.store, conversationId, parties);
    if (!facts) {
      // Retried with backoff by the bus (5 attempts), then dead-lettered with this reason.
      throw new FactsNotReady(`the CRM has not recorded the client of ${conversationId} yet`);
    }
    const runs = await readRuns(this.store, conversationId);
    const chain = runs.filter((r) => r.metadata.correlationId === trigger.metadata.correlationId);
    const depth = robotDepth(
      trigger.metadata.actor.kind,
      chain.map((r) => r.data.depth),
    );
    const now = this.clock();
    const decided = evaluateRules(rules, facts, happening, {
      now,
      timeZone: this.options.timeZone,
      depth,
    });
    if (decided.length === 0) return;

    const byId = new Map(rules.map((rule) => [rule.ruleId, rule]));
    const recorded = new Map(runs.map((r) => [r.data.runId, r]));
    const todo = decided.map((run) => {
      const rule = byId.get(run.ruleId)!;
      const event = ruleRanEvent(trigger, rule, run, depth, now.toISOString());
      return { rule, event: recorded.get(event.data.runId) ?? event };
    });
    const fresh = todo.map(({ event }) => event).filter((event) => !recorded.has(event.data.runId));
    if (fresh.length > 0) {
      await this.store.append(runsStream(conversationId), fresh, { expected: 'any' });
    }
    // Templates and the client's details as they are when the commands are sent.
    const client = await readActionClient(this.store, parties, facts);
    for (const { event, rule } of todo) await this.send(event, parties, client, rule);
  }

  private async send(
    run: RuleRan,
    parties: ConversationParties,
    client: ActionClient,
    rule: BookRule,
  ) {
    const { commands, notAvailable, missingTemplates } = runCommands(run, {
      parties,
      client,
      ruleCreatedBy: rule.createdBy,
      timeZone: this.options.timeZone,
      targets: this.options.targets,
      roundRobinManagers: await this.turns.managersFor(run),
    });
    for (const kind of notAvailable) {
      // Only an assign_round_robin whose turn chose no one: nothing is sent for it.
      this.logger.warn(`rule ${run.data.ruleName}: action ${kind} was not carried out`);
    }
    for (const templateId of missingTemplates) {
      // Recorded in the run as the rule said; the library has no such template any more.
      this.logger.warn(
        `rule ${run.data.ruleName}: template ${templateId} no longer exists, nothing was sent`,
      );
    }
    if (commands.length === 0) return;
    await this.bus.publish(
      commands.map((command) => ({
        topic: commandsTopic(command.service),
        key: command.metadata.aggregateId,
        value: command,
      })),
    );
  }
}
