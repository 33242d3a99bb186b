import {
  CRM_SERVICE,
  deterministicId,
  type CommandEnvelope,
  type RuleRan,
} from '@parley/contracts';
import { actionCommand, type ConversationParties, type ActionCommand } from '@parley/robots-domain';
import type { RobotsServiceOptions } from '../options';

export interface RunCommands {
  readonly commands: CommandEnvelope[];
  /** The kinds of the run's actions this slice does not carry out (nothing is sent for them). */
  readonly notAvailable: string[];
}

/**
 * The commands of a recorded run, one per action it carries out, in order. Ids derive from the
 * run and the index (`robot-run-command`), so sending them again (a redelivered trigger) is a
 * no-op at the target's command processor. Each carries the trigger's correlation, the run's
 * event as its causation and the rule as its actor, and is addressed to the owning service's
 * commands topic, keyed by the aggregate it names.
 */
export const runCommands = (
  run: RuleRan,
  parties: ConversationParties,
  targets: RobotsServiceOptions['targets'],
): RunCommands => {
  const { runId, conversationId } = run.data;
  const commands: CommandEnvelope[] = [];
  const notAvailable: string[] = [];
  run.data.actions.forEach((action, index) => {
    const translated = actionCommand(action, { conversationId, parties, runId, index });
    if (translated.kind === 'not_available') {
      notAvailable.push(translated.action);
      return;
    }
    const command: ActionCommand = translated.command;
    commands.push({
      commandId: deterministicId('robot-run-command', runId, index),
      service: command.service === CRM_SERVICE ? targets.crm : targets.tasksNotes,
      type: command.type,
      data: command.data,
      metadata: {
        workspaceId: run.metadata.workspaceId,
        aggregateId: command.aggregateId,
        issuedAt: run.data.ranAt,
        correlationId: run.metadata.correlationId,
        causationId: run.metadata.eventId,
        actor: run.metadata.actor,
      },
    });
  });
  return { commands, notAvailable };
};
