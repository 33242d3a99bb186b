import type { ChatListItem } from '@parley/contracts';
import { formatChatTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar } from './Avatar';
import { lastMessagePreviewText } from './last-message-preview';
import { StatusBadge } from './StatusBadge';

/** One row of the chat list (L1, L5); a chat marked unread (L9) shows as unread. */
export function ChatListEntry(props: {
  chat: ChatListItem;
  selected: boolean;
  now: Date;
  onSelect: (conversationId: string) => void;
}) {
  const { chat, selected } = props;
  const { t, language } = useI18n();
  const last = chat.lastMessage;
  const timeIso = last?.at ?? chat.lastActivityAt;
  const markedUnread = chat.markedUnread === true && chat.unreadCount === 0;
  return (
    <button
      type="button"
      className={`chat-entry${selected ? ' chat-entry--selected' : ''}${markedUnread || chat.unreadCount > 0 ? ' chat-entry--unread' : ''}`}
      data-testid="chat-item"
      data-conversation-id={chat._id}
      data-unread={markedUnread || chat.unreadCount > 0 ? 'true' : undefined}
      data-ignored={chat.ignored ? 'true' : undefined}
      aria-current={selected ? 'true' : undefined}
      onClick={() => props.onSelect(chat._id)}
    >
      <Avatar name={chat.contact.name} seed={chat._id} url={chat.contact.avatarUrl} />
      <span className="chat-entry__body">
        <span className="chat-entry__top">
          <span className="chat-entry__name" data-testid="chat-name">
            {chat.contact.name}
          </span>
          {chat.pinned && (
            <span
              className="chat-entry__pin"
              data-testid="chat-pinned"
              role="img"
              aria-label={t('chatList.pinned')}
            >
              📌
            </span>
          )}
          <time className="chat-entry__time" data-testid="chat-time" dateTime={timeIso}>
            {formatChatTime(timeIso, props.now, language)}
          </time>
        </span>
        <span className="chat-entry__bottom">
          <span className="chat-entry__preview" data-testid="chat-last-message">
            {last ? (
              <>
                {last.direction === 'out' && (
                  <span className="chat-entry__you">{t('chatList.you')}</span>
                )}
                {last.kind === 'unsupported' ? (
                  <span className="chat-entry__unsupported" data-kind="unsupported">
                    {lastMessagePreviewText(last, t)}
                  </span>
                ) : (
                  lastMessagePreviewText(last, t)
                )}
              </>
            ) : (
              <span className="muted">{t('chatList.noMessages')}</span>
            )}
          </span>
          {chat.clientBlockedBotAt && (
            <span className="chat-entry__blocked" data-testid="chat-blocked-bot">
              {t('chat.blockedBot')}
            </span>
          )}
          <StatusBadge status={chat.status} />
          {markedUnread && (
            <span
              className="unread-count unread-count--marked"
              data-testid="chat-marked-unread"
              role="img"
              aria-label={t('chatList.markedUnread')}
            />
          )}
          {chat.unreadCount > 0 && (
            <span
              className="unread-count"
              data-testid="chat-unread"
              aria-label={t('chatList.unread', { count: chat.unreadCount })}
            >
              {chat.unreadCount}
            </span>
          )}
        </span>
      </span>
    </button>
  );
}
