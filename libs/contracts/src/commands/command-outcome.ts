/** Where an accepted command's events landed. */
export interface AppendedPosition {
  readonly streamName: string;
  readonly revision: number;
  readonly position: string;
}

export interface CommandAccepted {
  readonly commandId: string;
  readonly status: 'accepted';
  readonly positions: readonly AppendedPosition[];
}

export interface CommandRejected {
  readonly commandId: string;
  readonly status: 'rejected';
  /** A machine-readable code (`conversation.archived`, `validation.failed`, ...). */
  readonly code: string;
  /** A reason a user can read. */
  readonly reason: string;
}

/** Published once per commandId on `parley.command-results`. */
export type CommandOutcome = CommandAccepted | CommandRejected;

export const isAccepted = (o: CommandOutcome): o is CommandAccepted => o.status === 'accepted';
