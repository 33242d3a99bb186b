import type { ChatListItem } from '@parley/contracts';
import { Avatar } from '../chat-list/Avatar';
import { useI18n } from '../i18n/I18nProvider';
import { ReplyBar } from '../reply-bar/ReplyBar';
import { Timeline } from '../timeline/Timeline';
import type { ShownTimelineEntry } from '../timeline/pending-messages';
import './conversation-pane.css';

/** The centre column: who we talk to, the timeline, and the reply bar at the bottom. */
export function ConversationPane(props: {
  conversationId: string | null;
  chat: ChatListItem | undefined;
  entries: readonly ShownTimelineEntry[] | undefined;
  timelineError: unknown;
  currentUserId: string | null;
  onRetryTimeline: () => void;
  onSend: (text: string, messageId: string) => Promise<void>;
  onMarkRead: () => Promise<void>;
  /** A failed message (C4): send it again; resolves when accepted, rejects with the reason. */
  onRetryMessage: (messageId: string) => Promise<void>;
  /** An unconfirmed message reached the client after all (the manager checked the chat). */
  onMarkMessageSent: (messageId: string) => Promise<void>;
}) {
  const { t } = useI18n();
  if (props.conversationId === null) {
    return (
      <section className="conversation conversation--empty">
        <p className="panel-note">{t('timeline.placeholder')}</p>
      </section>
    );
  }
  return (
    <section className="conversation" aria-label={props.chat?.contact.name}>
      {props.chat && (
        <header className="conversation__header">
          <Avatar
            name={props.chat.contact.name}
            seed={props.chat._id}
            url={props.chat.contact.avatarUrl}
            size={32}
          />
          <h2 className="conversation__title">{props.chat.contact.name}</h2>
          {props.chat.contact.username && (
            <span className="muted">@{props.chat.contact.username}</span>
          )}
        </header>
      )}
      <Timeline
        entries={props.entries}
        error={props.timelineError}
        currentUserId={props.currentUserId}
        onRetry={props.onRetryTimeline}
        failedMessageActions={{
          retry: props.onRetryMessage,
          markSent: props.onMarkMessageSent,
        }}
      />
      <ReplyBar
        key={props.conversationId}
        conversationId={props.conversationId}
        onSend={props.onSend}
        onMarkRead={props.onMarkRead}
      />
    </section>
  );
}
