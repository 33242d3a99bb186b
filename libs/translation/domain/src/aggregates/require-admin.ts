import type { ActorRole } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';

/** Translation settings and the AI assistant are an admin's to change (like robots' rules). */
export const requireAdmin = (role: ActorRole, what: string): void => {
  if (role !== 'admin') {
    throw new DomainRuleViolation('role.admin_only', `Only an admin can change ${what}.`);
  }
};
