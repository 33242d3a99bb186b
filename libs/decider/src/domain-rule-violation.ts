/**
 * A command broke a business rule (docs/style.md 4). Not a crash: the command is rejected with
 * `code` (machine-readable, e.g. `conversation.archived`) and `message` a user can read,
 * and the API answers 4xx.
 */
export class DomainRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainRuleViolation';
  }
}

export const isDomainRuleViolation = (e: unknown): e is DomainRuleViolation =>
  e instanceof DomainRuleViolation;
