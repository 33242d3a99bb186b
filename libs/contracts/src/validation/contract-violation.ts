/** One problem with one field: `{ field: 'metadata.actor.kind', reason: 'must be one of ...' }`. */
export interface FieldIssue {
  readonly field: string;
  readonly reason: string;
}

/**
 * A payload broke its contract. The gateway turns this into HTTP 400 naming each field;
 * consumers log it and dead-letter the message.
 */
export class ContractViolation extends Error {
  constructor(
    readonly subject: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(
      `${subject} is invalid: ${issues.map((i) => `${i.field || '(root)'} ${i.reason}`).join('; ')}`,
    );
    this.name = 'ContractViolation';
  }
}
