/** Who caused a change (U3: the event log is the audit trail). */
export const ACTOR_KINDS = ['manager', 'robot', 'client', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
}

export const systemActor = (id: string): Actor => ({ kind: 'system', id });
