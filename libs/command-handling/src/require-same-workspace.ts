import { workspaceOf, type CommandEnvelope } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';

/**
 * A command of one workspace never reaches another's aggregate: an id of another workspace
 * reads as not found (`<what>.not_found`, with `reason`), never as "forbidden", so a caller
 * learns nothing about other workspaces.
 */
export const requireSameWorkspace = (
  envelope: CommandEnvelope,
  aggregateId: string,
  what: string,
  reason = `There is no ${what} ${aggregateId}.`,
): void => {
  if (workspaceOf(aggregateId) === envelope.metadata.workspaceId) return;
  throw new DomainRuleViolation(`${what}.not_found`, reason);
};
