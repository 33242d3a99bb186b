import type { ChatListItem } from '@parley/contracts';
import { useState } from 'react';
import { describeError } from '../api/describe-error';
import type { ChatPlacement } from '../chat-list/chat-list-view';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Pin or unpin, archive or unarchive, ignore or unignore the open chat, or mark it unread (L4,
 * L8, L9), from the conversation's header. Each button says what it will do; a refusal shows
 * its reason beside them.
 */
export function ChatPlacementButtons(props: {
  chat: ChatListItem;
  onPlace: (placement: ChatPlacement) => Promise<void>;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const pinned = props.chat.pinned === true;
  const { archived } = props.chat;
  const ignored = props.chat.ignored === true;
  const unread = props.chat.markedUnread === true || props.chat.unreadCount > 0;

  const place = async (placement: ChatPlacement) => {
    setBusy(true);
    setFailure(null);
    try {
      await props.onPlace(placement);
    } catch (error) {
      setFailure(t('chat.place.failed', { message: describeError(error, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="conversation__placement">
      {ignored && (
        <span className="muted" data-testid="chat-ignored-note">
          {t('chat.ignoredNote')}
        </span>
      )}
      {archived && (
        <span className="muted" data-testid="chat-archived-note">
          {t('chat.archivedNote')}
        </span>
      )}
      <button
        type="button"
        className="conversation__place"
        aria-pressed={pinned}
        disabled={busy}
        data-testid="chat-pin"
        onClick={() => void place(pinned ? 'unpin' : 'pin')}
      >
        {pinned ? t('chat.place.unpin') : t('chat.place.pin')}
      </button>
      <button
        type="button"
        className="conversation__place"
        aria-pressed={archived}
        disabled={busy}
        data-testid="chat-archive"
        onClick={() => void place(archived ? 'unarchive' : 'archive')}
      >
        {archived ? t('chat.place.unarchive') : t('chat.place.archive')}
      </button>
      <button
        type="button"
        className="conversation__place"
        aria-pressed={ignored}
        disabled={busy}
        title={ignored ? undefined : t('chat.place.ignoreHint')}
        data-testid="chat-ignore"
        onClick={() => void place(ignored ? 'unignore' : 'ignore')}
      >
        {ignored ? t('chat.place.unignore') : t('chat.place.ignore')}
      </button>
      <button
        type="button"
        className="conversation__place"
        disabled={busy || unread}
        data-testid="chat-mark-unread"
        onClick={() => void place('unread')}
      >
        {t('chat.place.markUnread')}
      </button>
      {failure && (
        <span className="panel-error" role="alert">
          {failure}
        </span>
      )}
    </div>
  );
}
