import type { Actor, TimelineAction } from '@parley/contracts';
import type { MessageKey } from '../i18n/en';
import { isMessageKey, type Translate } from '../i18n/translate';

const actorKey = (actor: Actor, currentUserId: string | null): MessageKey => {
  switch (actor.kind) {
    case 'system':
      return 'actor.by.system';
    case 'robot':
      return 'actor.by.robot';
    case 'client':
      return 'actor.by.client';
    case 'manager':
      return actor.id === currentUserId ? 'actor.by.you' : 'actor.by.manager';
    default: {
      const _exhaustive: never = actor.kind;
      return _exhaustive;
    }
  }
};

/**
 * One centred line for an action (C3): "Contact created by system". Actions the dictionaries do
 * not know yet fall back to the summary the projector wrote.
 */
export const actionText = (
  action: TimelineAction,
  actor: Actor,
  currentUserId: string | null,
  t: Translate,
): string => {
  const key = `timelineAction.${action.action}`;
  const what = isMessageKey(key) ? t(key) : action.summary;
  return `${what} ${t(actorKey(actor, currentUserId))}`;
};
