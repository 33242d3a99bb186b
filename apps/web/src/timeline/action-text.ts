import type { Actor, TimelineAction } from '@parley/contracts';
import { actionsSummary, ruleActionsOf } from '../admin/robot-summary';
import type { MessageKey } from '../i18n/en';
import { isMessageKey, type MessageParams, type Translate } from '../i18n/translate';

const isYou = (actor: Actor, currentUserId: string | null): boolean =>
  actor.kind === 'manager' && actor.id === currentUserId;

const actorKey = (actor: Actor, currentUserId: string | null): MessageKey => {
  switch (actor.kind) {
    case 'system':
      return 'actor.by.system';
    case 'robot':
      return 'actor.by.robot';
    case 'client':
      return 'actor.by.client';
    case 'manager':
      return isYou(actor, currentUserId) ? 'actor.by.you' : 'actor.by.manager';
    default: {
      const _exhaustive: never = actor.kind;
      return _exhaustive;
    }
  }
};

/** The actor as the subject of a sentence: "You", "A manager". */
const subjectKey = (actor: Actor, currentUserId: string | null): MessageKey => {
  switch (actor.kind) {
    case 'system':
      return 'actor.subject.system';
    case 'robot':
      return 'actor.subject.robot';
    case 'client':
      return 'actor.subject.client';
    case 'manager':
      return isYou(actor, currentUserId) ? 'actor.subject.you' : 'actor.subject.manager';
    default: {
      const _exhaustive: never = actor.kind;
      return _exhaustive;
    }
  }
};

const text = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;

const editedFields = (value: unknown, t: Translate): string | null => {
  if (!Array.isArray(value)) return null;
  const names = value.map((change: unknown) => {
    const field =
      typeof change === 'object' && change !== null
        ? text((change as { field?: unknown }).field)
        : null;
    const key = `card.field.${field ?? ''}`;
    return field === null ? null : isMessageKey(key) ? t(key).toLocaleLowerCase() : field;
  });
  return names.every((name) => name !== null) && names.length > 0 ? names.join(', ') : null;
};

/**
 * A manager's work on the client (issue 10) as "<who> <did what>": which sentence, and its
 * parameters from the action's details; null when the details lack what the sentence needs.
 */
const crmSentence = (
  action: TimelineAction,
  actor: Actor,
  currentUserId: string | null,
  t: Translate,
): { readonly name: string; readonly params: MessageParams } | null => {
  const d = action.details;
  switch (action.action) {
    case 'tag.added':
    case 'tag.removed': {
      const tag = text(d['tag']);
      return tag === null ? null : { name: action.action, params: { tag } };
    }
    case 'responsible_manager.assigned': {
      const managerId = text(d['managerId']);
      if (managerId === null) return null;
      if (actor.kind === 'manager' && actor.id === managerId)
        return { name: 'responsible_manager.took', params: {} };
      const manager =
        managerId === currentUserId ? t('actor.object.you') : t('actor.object.manager');
      return { name: action.action, params: { manager } };
    }
    case 'responsible_manager.unassigned':
    case 'chat.archived':
    case 'chat.unarchived':
    case 'chat.pinned':
    case 'chat.unpinned':
      return { name: action.action, params: {} };
    case 'deal.stage_changed': {
      const stage = text(d['toName']) ?? text(d['to']);
      return stage === null ? null : { name: action.action, params: { stage } };
    }
    case 'deal.line_changed': {
      const line = text(d['to']);
      return line === null ? null : { name: action.action, params: { line } };
    }
    case 'contact.edited': {
      const fields = editedFields(d['changes'], t);
      return fields === null ? null : { name: action.action, params: { fields } };
    }
    case 'sale.recorded': {
      const amount = text(d['amount']);
      const currency = text(d['currency']);
      return amount === null || currency === null
        ? null
        : { name: action.action, params: { amount, currency } };
    }
    default:
      return null;
  }
};

/**
 * News from outside about the client (A3, R2): a conversion an external system reported, where
 * the client came from; told as what happened, not who wrote it down. Null for other actions.
 */
const noticeText = (action: TimelineAction, t: Translate): string | null => {
  const d = action.details;
  switch (action.action) {
    case 'conversion.recorded': {
      const amount = text(d['amount']);
      const currency = text(d['currency']);
      if (d['conversionType'] === 'deposit' && amount !== null && currency !== null)
        return t('timelineNotice.conversion.deposit', { amount, currency });
      return d['conversionType'] === 'registration'
        ? t('timelineNotice.conversion.registration')
        : null;
    }
    case 'client.blocked_bot':
      return t('timelineNotice.client.blockedBot');
    case 'client.unblocked_bot':
      return t('timelineNotice.client.unblockedBot');
    case 'contact.attributed': {
      const source = text(d['source']);
      return source === null
        ? t('timelineNotice.contact.started')
        : t('timelineNotice.contact.attributed', { source });
    }
    default:
      return null;
  }
};

/**
 * What a robot's rule did (A2), naming the rule: `Robot «Price question»: add tag price-asked`,
 * or why the loop guard stopped it. Null for other actions, or details without a rule name.
 */
const robotText = (action: TimelineAction, t: Translate): string | null => {
  const d = action.details;
  const rule = text(d['ruleName']);
  if (rule === null) return null;
  switch (action.action) {
    case 'robot.ran': {
      const actions = ruleActionsOf(d['actions']);
      return actions === null
        ? null
        : t('timelineRobot.ran', { rule, actions: actionsSummary(actions, t) });
    }
    case 'robot.stopped':
      return t('timelineRobot.stopped', { rule, reason: text(d['reason']) ?? '' });
    default:
      return null;
  }
};

/**
 * One centred line for an action (C3). A manager's work on the client reads "<who> <did what>":
 * "You added the tag “VIP”"; the rest "<what> <by whom>": "Contact created by system". Actions the
 * dictionaries do not know yet fall back to the summary the projector wrote.
 */
export const actionText = (
  action: TimelineAction,
  actor: Actor,
  currentUserId: string | null,
  t: Translate,
): string => {
  const notice = noticeText(action, t) ?? robotText(action, t);
  if (notice !== null) return notice;
  const sentence = crmSentence(action, actor, currentUserId, t);
  if (sentence !== null) {
    const key = `timelineDid.${sentence.name}${isYou(actor, currentUserId) ? '.you' : ''}`;
    if (isMessageKey(key))
      return t(key, { ...sentence.params, who: t(subjectKey(actor, currentUserId)) });
  }
  const key = `timelineAction.${action.action}`;
  const what = isMessageKey(key) ? t(key) : action.summary;
  return `${what} ${t(actorKey(actor, currentUserId))}`;
};
