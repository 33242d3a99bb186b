import type { ClientCard, User, WorkspaceUserView } from '@parley/contracts';
import type { MessageKey } from '../i18n/en';
import { formatDateTime } from '../i18n/format-time';
import { localeOf, type Language, type Translate } from '../i18n/translate';

/** One row of the card; `name` is the test hook suffix: data-testid="card-field-<name>". */
export interface CardField {
  readonly name: string;
  readonly label: MessageKey;
  readonly value: string;
  /** Shown as chips instead of `value` (tags). */
  readonly chips?: readonly string[];
}

export interface CardFieldContext {
  readonly t: Translate;
  readonly language: Language;
  readonly currentUser: Pick<User, 'id' | 'name'> | null;
  /** The workspace's users, to show a manager by name (GET /api/users); undefined until loaded. */
  readonly users?: readonly Pick<WorkspaceUserView, 'id' | 'name'>[];
}

const orNone = (value: string | null | undefined, t: Translate): string =>
  value === null || value === undefined || value.trim() === '' ? t('card.value.none') : value;

const managerName = (id: string | null, context: CardFieldContext): string => {
  if (id === null) return context.t('card.value.unassigned');
  if (context.currentUser && context.currentUser.id === id) return context.currentUser.name;
  return context.users?.find((user) => user.id === id)?.name ?? id;
};

/**
 * The contact's read-only rows (R1), in the order the card shows them. Name, country and phone
 * are in the contact form; sales per currency in the sales section.
 */
export const contactFields = (
  contact: NonNullable<ClientCard['contact']>,
  context: CardFieldContext,
): CardField[] => {
  const { t, language } = context;
  const number = new Intl.NumberFormat(localeOf(language));
  return [
    { name: 'telegram-id', label: 'card.field.telegram-id', value: orNone(contact.telegramId, t) },
    {
      name: 'username',
      label: 'card.field.username',
      value: contact.username ? `@${contact.username}` : t('card.value.none'),
    },
    { name: 'source', label: 'card.field.source', value: orNone(contact.attribution.source, t) },
    {
      name: 'campaign',
      label: 'card.field.campaign',
      value: orNone(contact.attribution.campaign, t),
    },
    { name: 'ad', label: 'card.field.ad', value: orNone(contact.attribution.ad, t) },
    { name: 'ad-set', label: 'card.field.ad-set', value: orNone(contact.attribution.adSet, t) },
    { name: 'platform', label: 'card.field.platform', value: orNone(contact.platform, t) },
    { name: 'channel', label: 'card.field.channel', value: orNone(contact.channel, t) },
    {
      name: 'created-at',
      label: 'card.field.created-at',
      value: orNone(formatDateTime(contact.createdAt, language), t),
    },
    {
      name: 'sales-count',
      label: 'card.field.sales-count',
      value: number.format(contact.salesCount),
    },
    {
      name: 'responsible',
      label: 'card.field.responsible',
      value: managerName(contact.responsibleManagerId, context),
    },
    {
      name: 'tags',
      label: 'card.field.tags',
      value: contact.tags.length === 0 ? t('card.value.none') : contact.tags.join(', '),
      chips: contact.tags,
    },
  ];
};

/** The deal's rows (R3). */
export const dealFields = (
  deal: NonNullable<ClientCard['deal']>,
  context: CardFieldContext,
): CardField[] => {
  const { t } = context;
  return [
    { name: 'stage', label: 'card.field.stage', value: orNone(deal.stage, t) },
    { name: 'line', label: 'card.field.line', value: t('card.value.line', { line: deal.line }) },
    { name: 'deal-channel', label: 'card.field.deal-channel', value: orNone(deal.channel, t) },
  ];
};
