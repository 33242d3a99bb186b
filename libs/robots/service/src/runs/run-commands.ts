import {
  CONVERSATION_SERVICE,
  CRM_SERVICE,
  deterministicId,
  type CommandEnvelope,
  type RuleRan,
} from '@parley/contracts';
import {
  actionCommand,
  type ActionClient,
  type ActionCommand,
  type ConversationParties,
} from '@parley/robots-domain';
import type { RobotsServiceOptions } from '../options';

export interface RunCommands {
  readonly commands: CommandEnvelope[];
  /** The kinds of the run's actions not carried out (a round robin without a turn). */
  readonly notAvailable: string[];
  /** The templates of `send_template` actions the library no longer has (nothing is sent). */
  readonly missingTemplates: string[];
}

/** Where a recorded run's commands go and what its actions read. */
export interface RunSetting {
  readonly parties: ConversationParties;
  readonly client: ActionClient;
  /** Who created the rule (`Robots.RuleCreated.createdBy`). */
  readonly ruleCreatedBy: string;
  readonly timeZone: string;
  readonly targets: RobotsServiceOptions['targets'];
  /** The managers the run's `assign_round_robin` turns chose, by action index. */
  readonly roundRobinManagers?: Readonly<Record<number, string>>;
}

const targetOf = (
  service: ActionCommand['service'],
  targets: RobotsServiceOptions['targets'],
): string => {
  if (service === CRM_SERVICE) return targets.crm;
  if (service === CONVERSATION_SERVICE) return targets.conversation;
  return targets.tasksNotes;
};

/**
 * The commands of a recorded run, one per action it carries out, in order. Ids derive from the
 * run and the index (`robot-run-command`), so sending them again (a redelivered trigger) is a
 * no-op at the target's command processor. Each carries the trigger's correlation, the run's
 * event as its causation and the rule as its actor, and is addressed to the owning service's
 * commands topic, keyed by the aggregate it names.
 */
export const runCommands = (run: RuleRan, setting: RunSetting): RunCommands => {
  const { runId, conversationId, ranAt } = run.data;
  const commands: CommandEnvelope[] = [];
  const notAvailable: string[] = [];
  const missingTemplates: string[] = [];
  run.data.actions.forEach((action, index) => {
    const translated = actionCommand(action, {
      conversationId,
      parties: setting.parties,
      runId,
      index,
      ranAt,
      timeZone: setting.timeZone,
      ruleCreatedBy: setting.ruleCreatedBy,
      client: setting.client,
      roundRobinManagers: setting.roundRobinManagers,
    });
    if (translated.kind === 'not_available') {
      notAvailable.push(translated.action);
      return;
    }
    if (translated.kind === 'template_missing') {
      missingTemplates.push(translated.templateId);
      return;
    }
    const command: ActionCommand = translated.command;
    commands.push({
      commandId: deterministicId('robot-run-command', runId, index),
      service: targetOf(command.service, setting.targets),
      type: command.type,
      data: command.data,
      metadata: {
        workspaceId: run.metadata.workspaceId,
        aggregateId: command.aggregateId,
        issuedAt: ranAt,
        correlationId: run.metadata.correlationId,
        causationId: run.metadata.eventId,
        actor: run.metadata.actor,
      },
    });
  });
  return { commands, notAvailable, missingTemplates };
};
