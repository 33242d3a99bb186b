import type { ChatTabCounts } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { CHAT_TABS_SHOWN, type ChatListView } from './chat-list-view';

/**
 * The quick tabs over the chat list (L8) with their counts, and the archive toggle (L4): the
 * view the list shows. Counts are of the archived chats when the toggle is on.
 */
export function ChatListTabs(props: {
  view: ChatListView;
  counts: ChatTabCounts | undefined;
  onChange: (view: ChatListView) => void;
}) {
  const { t } = useI18n();
  const { view } = props;
  return (
    <div className="chat-tabs">
      <div className="chat-tabs__tabs" role="tablist" aria-label={t('chatList.tabs')}>
        {CHAT_TABS_SHOWN.map((tab) => {
          const name = t(`chatList.tab.${tab}`);
          const count = props.counts?.[tab];
          return (
            <button
              key={tab}
              type="button"
              role="tab"
              className="chat-tabs__tab"
              aria-selected={view.tab === tab}
              aria-label={count === undefined ? name : t('chatList.tabCount', { tab: name, count })}
              data-testid={`chat-tab-${tab}`}
              onClick={() => props.onChange({ ...view, tab })}
            >
              {name}
              {count !== undefined && (
                <span className="chat-tabs__count" data-testid={`chat-tab-count-${tab}`}>
                  {count}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <label className="chat-tabs__archived" title={t('chatList.archivedHint')}>
        <input
          type="checkbox"
          checked={view.archived}
          data-testid="chat-archived-toggle"
          onChange={(event) => props.onChange({ ...view, archived: event.target.checked })}
        />
        {t('chatList.archived')}
      </label>
    </div>
  );
}
