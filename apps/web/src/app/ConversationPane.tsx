import { useState } from 'react';
import type {
  ChatListItem,
  MediaItem,
  Page,
  RenderedTemplate,
  TranslatedFrom,
  UploadedAttachment,
} from '@parley/contracts';
import type { UploadAttachment } from '../api/attachment-upload';
import { Avatar } from '../chat-list/Avatar';
import type { ChatPlacement } from '../chat-list/chat-list-view';
import { useI18n } from '../i18n/I18nProvider';
import type { MediaPageQuery } from '../media/media-api';
import { MediaTab } from '../media/MediaTab';
import { ReplyBar } from '../reply-bar/ReplyBar';
import type { ReplyAssist } from '../reply-bar/use-reply-assist';
import { Timeline } from '../timeline/Timeline';
import type { ShownTimelineEntry } from '../timeline/pending-messages';
import { ChatPlacementButtons } from './ChatPlacementButtons';
import './conversation-pane.css';

/** What the centre column shows above the reply bar. */
type ConversationView = 'timeline' | 'media';

/**
 * The centre column: who we talk to, the timeline (or the Media tab, C6, by the header's
 * switch), and the reply bar at the bottom.
 */
export function ConversationPane(props: {
  conversationId: string | null;
  chat: ChatListItem | undefined;
  entries: readonly ShownTimelineEntry[] | undefined;
  /** The virtual index of the first entry: lower as older pages load above (C5). */
  firstItemIndex: number;
  onLoadOlder: () => void;
  /** A search hit's timeline item to scroll to once loaded (issue 11), and when it was. */
  seek: string | null;
  onSought: () => void;
  timelineError: unknown;
  currentUserId: string | null;
  onRetryTimeline: () => void;
  /**
   * A text, or an uploaded file or a template's file with `text` as its caption (B8, issue 13);
   * a text sent in translation with what the manager wrote (B4).
   */
  onSend: (
    text: string,
    messageId: string,
    attachment?: UploadedAttachment,
    templateId?: string,
    translatedFrom?: TranslatedFrom,
  ) => Promise<void>;
  /** Uploads a file to send, with its progress. */
  onUpload: UploadAttachment;
  onMarkRead: () => Promise<void>;
  /** A failed message (C4): send it again; resolves when accepted, rejects with the reason. */
  onRetryMessage: (messageId: string) => Promise<void>;
  /** An unconfirmed message reached the client after all (the manager checked the chat). */
  onMarkMessageSent: (messageId: string) => Promise<void>;
  /** The Media tab's pages: `createMediaApi(http).chatMedia`. */
  loadMedia: (conversationId: string, query: MediaPageQuery) => Promise<Page<MediaItem>>;
  /** Changes when the conversation may have new files: the Media tab reloads. */
  mediaReloadTick: number;
  /** The chat's reply templates for the quick commands (`/` in the reply bar, B3). */
  loadTemplates: (conversationId: string) => Promise<readonly RenderedTemplate[]>;
  /** An admin: the quick commands say where to add templates when there are none. */
  canManageTemplates: boolean;
  /** Pin, archive or ignore the chat, or undo either; or mark it unread (L4, L8, L9). */
  onPlace: (placement: ChatPlacement) => Promise<void>;
  /** Translation and the AI assistant for the reply bar (issue 12: B4, B5, B7). */
  assist: ReplyAssist;
  /** Translate a client message again after a retryable failure (C2). */
  onRetryTranslation: (messageId: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<ConversationView>('timeline');
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
          {props.chat.clientBlockedBotAt && (
            <span className="conversation__blocked" role="status" data-testid="blocked-banner">
              {t('chat.blockedBot')}
            </span>
          )}
          <ChatPlacementButtons chat={props.chat} onPlace={props.onPlace} />
          <div
            className="conversation__views"
            role="group"
            aria-label={t('media.view.label')}
            data-testid="conversation-views"
          >
            {(['timeline', 'media'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="conversation__view"
                aria-pressed={view === option}
                data-testid={`view-${option}`}
                onClick={() => setView(option)}
              >
                {t(`media.view.${option}`)}
              </button>
            ))}
          </div>
        </header>
      )}
      {view === 'media' ? (
        <MediaTab
          conversationId={props.conversationId}
          load={props.loadMedia}
          reloadTick={props.mediaReloadTick}
        />
      ) : (
        <Timeline
          conversationId={props.conversationId}
          entries={props.entries}
          firstItemIndex={props.firstItemIndex}
          onLoadOlder={props.onLoadOlder}
          seek={props.seek}
          onSought={props.onSought}
          error={props.timelineError}
          currentUserId={props.currentUserId}
          onRetry={props.onRetryTimeline}
          failedMessageActions={{
            retry: props.onRetryMessage,
            markSent: props.onMarkMessageSent,
          }}
          onRetryTranslation={props.onRetryTranslation}
        />
      )}
      <ReplyBar
        key={props.conversationId}
        conversationId={props.conversationId}
        clientBlockedBot={Boolean(props.chat?.clientBlockedBotAt)}
        onSend={props.onSend}
        onUpload={props.onUpload}
        onMarkRead={props.onMarkRead}
        loadTemplates={props.loadTemplates}
        canManageTemplates={props.canManageTemplates}
        assist={props.assist}
      />
    </section>
  );
}
