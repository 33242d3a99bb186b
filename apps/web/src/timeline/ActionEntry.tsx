import type { Actor, TimelineAction } from '@parley/contracts';
import { ActionLine } from './ActionLine';
import { conversationScoring } from './conversation-scoring';
import { ScoringCard } from './ScoringCard';

/** An action item: an AI summary (B7) as its card, any other action as its one line (C3). */
export function ActionEntry(props: {
  action: TimelineAction;
  actor: Actor;
  at: string;
  currentUserId: string | null;
}) {
  const scoring = conversationScoring(props.action);
  return scoring === null ? (
    <ActionLine {...props} />
  ) : (
    <ScoringCard scoring={scoring} action={props.action.action} at={props.at} />
  );
}
