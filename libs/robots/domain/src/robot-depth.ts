import type { ActorKind } from '@parley/contracts';

/**
 * How many robot steps led to a triggering event (the loop guard's count, MAX_ROBOT_DEPTH).
 * A robot's commands carry the correlation id of the event that started the chain, and so do the
 * events they cause; the runs of one chain in a conversation are the `Robots.RuleRan` events of
 * `robots-{conversationId}` with that correlation id. So: an event a person, a client or the
 * system caused is at depth 0; an event a robot caused is one step past the deepest run of its
 * chain (0 when the chain has no run there, which a robot's event should not meet).
 * Counting every run of the chain, not only the one that caused this event, can only stop a chain
 * earlier, never later: the guard errs on the side of stopping.
 */
export const robotDepth = (
  triggerActorKind: ActorKind,
  chainRunDepths: readonly number[],
): number =>
  triggerActorKind !== 'robot' || chainRunDepths.length === 0 ? 0 : Math.max(...chainRunDepths) + 1;
