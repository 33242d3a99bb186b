import type { ChatListFilters, Tag, WorkspaceUserView } from '@parley/contracts';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { activeFilterCount, CHAT_STATUSES_SHOWN } from './chat-list-filters';
import { dayOfFrom, dayOfTo, fromForDay, toForDay } from './filter-dates';

type Change = (filters: ChatListFilters) => void;

/** One filter set to `value`, or removed (undefined: "any"). */
const withFilter = <K extends keyof ChatListFilters>(
  filters: ChatListFilters,
  key: K,
  value: ChatListFilters[K] | undefined,
): ChatListFilters => {
  const next: Record<string, unknown> = { ...filters };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as ChatListFilters;
};

const toggled = <T,>(list: readonly T[] | undefined, item: T, on: boolean): T[] | undefined => {
  const next = (list ?? []).filter((other) => other !== item);
  if (on) next.push(item);
  return next.length === 0 ? undefined : next;
};

/**
 * The chat list's filters (L3, L6, issue 11), combinable: tags (any or all of them), status,
 * unread only, a date range of last activity, the responsible manager, the source, the line.
 * Folded under one button that counts what is set.
 */
export function ChatFilterBar(props: {
  filters: ChatListFilters;
  onChange: Change;
  tags: readonly Tag[] | undefined;
  users: readonly WorkspaceUserView[] | undefined;
}) {
  const { t } = useI18n();
  const { filters, onChange } = props;
  const set = <K extends keyof ChatListFilters>(key: K, value: ChatListFilters[K] | undefined) =>
    onChange(withFilter(filters, key, value));
  const count = activeFilterCount(filters);
  // Typed sources apply on Enter or leaving the field: one list load, not one per letter.
  const [source, setSource] = useState(filters.source ?? '');
  useEffect(() => setSource(filters.source ?? ''), [filters.source]);
  const commitSource = () => {
    const value = source.trim();
    if (value !== (filters.source ?? '')) set('source', value === '' ? undefined : value);
  };
  const tagNames = [
    ...new Set([...(props.tags ?? []).map((tag) => tag.name), ...(filters.tags ?? [])]),
  ];

  return (
    <details className="chat-filters" data-testid="chat-filters">
      <summary className="chat-filters__summary" data-testid="chat-filters-toggle">
        {t('chatFilters.title')}
        {count > 0 && (
          <span className="chat-tabs__count" data-testid="chat-filters-count">
            {count}
          </span>
        )}
      </summary>
      <div className="chat-filters__body">
        <label className="chat-filters__check">
          <input
            type="checkbox"
            checked={filters.unread === true}
            data-testid="filter-unread"
            onChange={(event) => set('unread', event.target.checked ? true : undefined)}
          />
          {t('chatFilters.unread')}
        </label>

        <fieldset className="chat-filters__group">
          <legend>{t('chatFilters.tags')}</legend>
          <select
            value={filters.tagsMode ?? 'any'}
            aria-label={t('chatFilters.tagsMode')}
            data-testid="filter-tags-mode"
            onChange={(event) => set('tagsMode', event.target.value === 'all' ? 'all' : undefined)}
          >
            <option value="any">{t('chatFilters.tagsMode.any')}</option>
            <option value="all">{t('chatFilters.tagsMode.all')}</option>
          </select>
          {tagNames.length === 0 && <span className="muted">{t('chatFilters.noTags')}</span>}
          {tagNames.map((name) => (
            <label key={name} className="chat-filters__check">
              <input
                type="checkbox"
                checked={filters.tags?.includes(name) ?? false}
                data-testid={`filter-tag-${name}`}
                onChange={(event) => set('tags', toggled(filters.tags, name, event.target.checked))}
              />
              {name}
            </label>
          ))}
        </fieldset>

        <fieldset className="chat-filters__group">
          <legend>{t('chatFilters.status')}</legend>
          {CHAT_STATUSES_SHOWN.map((status) => (
            <label key={status} className="chat-filters__check">
              <input
                type="checkbox"
                checked={filters.status?.includes(status) ?? false}
                data-testid={`filter-status-${status}`}
                onChange={(event) =>
                  set('status', toggled(filters.status, status, event.target.checked))
                }
              />
              {t(`chatStatus.${status}`)}
            </label>
          ))}
        </fieldset>

        <fieldset className="chat-filters__group">
          <legend>{t('chatFilters.activity')}</legend>
          <label className="chat-filters__field">
            {t('chatFilters.from')}
            <input
              type="date"
              value={dayOfFrom(filters.from)}
              data-testid="filter-from"
              onChange={(event) => set('from', fromForDay(event.target.value))}
            />
          </label>
          <label className="chat-filters__field">
            {t('chatFilters.to')}
            <input
              type="date"
              value={dayOfTo(filters.to)}
              data-testid="filter-to"
              onChange={(event) => set('to', toForDay(event.target.value))}
            />
          </label>
        </fieldset>

        <label className="chat-filters__field">
          {t('chatFilters.manager')}
          <select
            value={filters.manager ?? ''}
            data-testid="filter-manager"
            onChange={(event) => set('manager', event.target.value || undefined)}
          >
            <option value="">{t('chatFilters.any')}</option>
            <option value="me">{t('chatFilters.manager.me')}</option>
            <option value="none">{t('chatFilters.manager.none')}</option>
            {(props.users ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
            {filters.manager !== undefined &&
              !['me', 'none'].includes(filters.manager) &&
              !props.users?.some((user) => user.id === filters.manager) && (
                <option value={filters.manager}>{filters.manager}</option>
              )}
          </select>
        </label>

        <label className="chat-filters__field">
          {t('chatFilters.source')}
          <input
            type="text"
            value={source}
            maxLength={100}
            placeholder={t('chatFilters.sourceHint')}
            data-testid="filter-source"
            onChange={(event) => setSource(event.target.value)}
            onBlur={commitSource}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commitSource();
            }}
          />
        </label>

        <label className="chat-filters__field">
          {t('chatFilters.line')}
          <select
            value={filters.line === undefined ? '' : String(filters.line)}
            data-testid="filter-line"
            onChange={(event) =>
              set(
                'line',
                event.target.value === '1' ? 1 : event.target.value === '2' ? 2 : undefined,
              )
            }
          >
            <option value="">{t('chatFilters.any')}</option>
            <option value="1">{t('chatFilters.line.1')}</option>
            <option value="2">{t('chatFilters.line.2')}</option>
          </select>
        </label>

        {count > 0 && (
          <button
            type="button"
            className="link-button"
            data-testid="filter-clear"
            onClick={() => onChange({})}
          >
            {t('chatFilters.clear')}
          </button>
        )}
      </div>
    </details>
  );
}
