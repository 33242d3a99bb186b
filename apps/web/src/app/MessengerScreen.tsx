import type {
  SaveChatViewRequest,
  SearchHit,
  SignInResponse,
  TranslatedFrom,
  UploadedAttachment,
} from '@parley/contracts';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { AdminScreen } from '../admin/AdminScreen';
import { useScreenRoute } from '../admin/use-screen-route';
import type { AdminApi } from '../api/admin-api';
import { liveUrl } from '../api/live-message';
import type { ConnectLive } from '../api/live-socket';
import type { ParleyApi } from '../api/parley-api';
import { useResource } from '../api/use-resource';
import { ChatListPanel } from '../chat-list/ChatListPanel';
import { chatListQuery, chatTabsQuery, type ChatPlacement } from '../chat-list/chat-list-view';
import type { ChatViewSelection } from '../chat-list/chat-views';
import { useChatPages } from '../chat-list/use-chat-pages';
import { ClientCardPanel, type CardEdits } from '../client-card/ClientCardPanel';
import type { MediaApi } from '../media/media-api';
import { MediaLinksProvider } from '../media/media-links';
import type { ReplyAssist } from '../reply-bar/use-reply-assist';
import { useTimelinePages } from '../timeline/use-timeline-pages';
import { NEWEST_PAGE_FIRST_INDEX } from '../timeline/timeline-pages';
import {
  stillPending,
  withPendingMessages,
  type PendingMessage,
} from '../timeline/pending-messages';
import { AppHeader } from './AppHeader';
import { ConversationPane } from './ConversationPane';
import { initialReloadTicks, reloadTicks } from './reload-ticks';
import { useLiveUpdates } from './use-live-updates';
import { useMessengerLocation } from './use-messenger-location';

/** A search hit's message to scroll the timeline to, once its page is loaded (issue 11). */
interface TimelineSeek {
  readonly conversationId: string;
  readonly timelineItemId: string;
}

/** The browser's WebSocket behind the live connection. */
const connectBrowserWebSocket: ConnectLive = (url, events) => {
  const socket = new WebSocket(url);
  socket.onopen = () => events.open();
  socket.onmessage = (event: MessageEvent) => events.message(event.data);
  socket.onclose = () => events.close();
  return {
    close: () => {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.close();
    },
  };
};

/** The signed-in screen: chat list, conversation, client card; kept live over the WebSocket. */
export function MessengerScreen(props: {
  api: ParleyApi;
  adminApi: AdminApi;
  /** The media routes (signed links for the timeline's files, the Media tab's pages). */
  mediaApi: MediaApi;
  session: SignInResponse;
  onSignOut: () => void;
}) {
  const { api, session } = props;
  // The tab, toggle, filters, search text and open chat live in the address (issue 11).
  const [location, changeLocation] = useMessengerLocation();
  const { view, filters, openChatId: selectedId } = location;
  const setSelectedId = useCallback(
    (conversationId: string | null) =>
      changeLocation((current) => ({ ...current, openChatId: conversationId })),
    [changeLocation],
  );
  const [seek, setSeek] = useState<TimelineSeek | null>(null);
  const [ticks, reload] = useReducer(reloadTicks, initialReloadTicks);
  // Admins reach the admin screens at #/admin; the messenger stays mounted, hidden, meanwhile.
  const route = useScreenRoute(session.user.role, () => reload({ type: 'everything' }));
  const [pending, setPending] = useState<readonly PendingMessage[]>([]);

  const chats = useChatPages(
    (cursor) => api.chats(view, filters, cursor),
    `chats${chatListQuery(view, filters)}`,
    ticks.chats,
  );
  const tabCounts = useResource(
    () => api.chatTabs(view.archived, filters),
    `tabs${chatTabsQuery(view.archived, filters)}`,
    ticks.chats,
  );
  const [viewsTick, reloadViews] = useReducer((tick: number) => tick + 1, 0);
  const chatViews = useResource(() => api.chatViews(), 'chat-views', viewsTick);
  // The open chat as it is now, also when the view does not list it (archived a moment ago).
  const openChat = useResource(() => api.chat(selectedId ?? ''), selectedId, ticks.chats);
  const timeline = useTimelinePages(
    api.timeline,
    selectedId,
    ticks.timeline,
    seek !== null && seek.conversationId === selectedId ? seek.timelineItemId : null,
  );
  const card = useResource(() => api.card(selectedId ?? ''), selectedId, ticks.card);
  // The catalogue, pipeline, users and settings change rarely (an admin's doing): fetched again
  // with the card. Tasks, sales and the contact's fields are on the card itself.
  const catalogue = useResource(() => api.tagCatalogue(), 'tag-catalogue', ticks.card);
  const pipeline = useResource(() => api.pipeline(), 'pipeline', ticks.card);
  const users = useResource(() => api.users().then((list) => list.users), 'users', ticks.card);
  const crmSettings = useResource(() => api.crmSettings(), 'crm-settings', ticks.card);
  // Translation settings (issue 12) change rarely too: the provider and team language.
  const translationSettings = useResource(
    () => api.translationSettings(),
    'translation-settings',
    ticks.card,
  );

  const liveStatus = useLiveUpdates({
    accessToken: session.accessToken,
    url: async () => liveUrl(window.location, (await api.liveTicket()).ticket),
    connect: connectBrowserWebSocket,
    onMessage: (message) => {
      if (message.type === 'changed') {
        reload({ type: 'changed', change: message, openConversationId: selectedId });
      }
    },
    onConnected: () => reload({ type: 'everything' }),
  });

  // Forget pending sends once the read model shows them.
  const timelineItems = timeline.loaded?.items;
  useEffect(() => {
    const items = timelineItems;
    if (!items || selectedId === null) return;
    setPending((current) => {
      const mine = current.filter((message) => message.conversationId === selectedId);
      const kept = stillPending(items, mine);
      return kept.length === mine.length
        ? current
        : [...current.filter((message) => message.conversationId !== selectedId), ...kept];
    });
  }, [timelineItems, selectedId]);

  const entries = useMemo(
    () =>
      timelineItems &&
      withPendingMessages(
        timelineItems,
        pending.filter((message) => message.conversationId === selectedId),
      ),
    [timelineItems, pending, selectedId],
  );

  const showChats = (selection: ChatViewSelection) =>
    changeLocation((current) => ({ ...current, ...selection }));

  /** A search hit opens its chat; a message hit also scrolls the timeline to the message. */
  const openHit = (hit: SearchHit) => {
    setSeek(
      hit.message === null
        ? null
        : { conversationId: hit.conversationId, timelineItemId: hit.message.timelineItemId },
    );
    setSelectedId(hit.conversationId);
  };

  const saveView = async (request: SaveChatViewRequest) => {
    await api.saveChatView(request);
    reloadViews();
  };

  const deleteView = async (viewId: string) => {
    await api.deleteChatView(viewId);
    reloadViews();
  };

  const refreshConversation = useCallback(
    (conversationId: string) =>
      reload({
        type: 'changed',
        change: { conversationId, collections: [] },
        openConversationId: conversationId,
      }),
    [],
  );

  /**
   * A text, or an uploaded file with `text` as its caption (B8); with `templateId`, `attachment`
   * is that reply template's file, which the gateway takes from the library (issue 13); with
   * `translatedFrom`, `text` is the translation the client gets of what the manager wrote (B4).
   */
  const send = async (
    text: string,
    messageId: string,
    attachment?: UploadedAttachment,
    templateId?: string,
    translatedFrom?: TranslatedFrom,
  ) => {
    if (selectedId === null) return;
    const conversationId = selectedId;
    const message: PendingMessage = {
      conversationId,
      messageId,
      text,
      at: new Date().toISOString(),
      attachment: attachment ?? null,
    };
    setPending((current) => [...current.filter((other) => other.messageId !== messageId), message]);
    try {
      await api.sendMessage(
        conversationId,
        text,
        messageId,
        templateId === undefined ? attachment?.mediaId : undefined,
        templateId,
        translatedFrom,
      );
    } catch (failure) {
      setPending((current) => current.filter((other) => other.messageId !== messageId));
      throw failure;
    }
    refreshConversation(conversationId);
  };

  const placeChat = async (placement: ChatPlacement) => {
    if (selectedId === null) return;
    await api.placeChat(selectedId, placement);
    refreshConversation(selectedId);
  };

  const markRead = async () => {
    if (selectedId === null) return;
    await api.markRead(selectedId);
    refreshConversation(selectedId);
  };

  const retryMessage = async (messageId: string) => {
    if (selectedId === null) return;
    await api.retryMessage(selectedId, messageId);
    refreshConversation(selectedId);
  };

  const retryTranslation = async (messageId: string) => {
    if (selectedId === null) return;
    await api.retryTranslation(selectedId, messageId);
    refreshConversation(selectedId);
  };

  /** The reply bar's translation and AI assistant, for the open conversation (issue 12). */
  const assist: ReplyAssist = {
    settings: translationSettings.data,
    previewTranslation: (text) => api.previewTranslation(selectedId ?? '', text),
    replyAdvice: (language) => api.replyAdvice(selectedId ?? '', language),
    score: async (language) => {
      if (selectedId === null) return;
      await api.scoreConversation(selectedId, language);
      refreshConversation(selectedId);
    },
  };

  const markMessageSent = async (messageId: string) => {
    if (selectedId === null) return;
    await api.markMessageSent(selectedId, messageId);
    refreshConversation(selectedId);
  };

  /** A card edit on the open conversation; the card follows through the live change. */
  const editCard =
    <A extends unknown[]>(request: (conversationId: string, ...args: A) => Promise<unknown>) =>
    async (...args: A): Promise<void> => {
      if (selectedId === null) return;
      const conversationId = selectedId;
      await request(conversationId, ...args);
      refreshConversation(conversationId);
    };

  const cardEdits: CardEdits = {
    addTag: editCard(api.addTag),
    removeTag: editCard(api.removeTag),
    moveDealToStage: editCard(api.moveDealToStage),
    changeDealLine: editCard(api.changeDealLine),
    setResponsibleManager: editCard(api.setResponsibleManager),
    editContact: editCard(api.editContact),
    recordSale: editCard(api.recordSale),
    createTask: editCard(api.createTask),
    completeTask: editCard(api.completeTask),
    reopenTask: editCard(api.reopenTask),
    rescheduleTask: editCard(api.rescheduleTask),
    addNote: editCard(api.addNote),
    setLanguages: editCard(api.setChatLanguages),
  };

  const selectedChat =
    (openChat.data?._id === selectedId ? openChat.data : undefined) ??
    chats.chats?.find((chat) => chat._id === selectedId);

  return (
    <MediaLinksProvider value={props.mediaApi.mediaLink}>
      <div className="app-shell">
        <AppHeader
          user={session.user}
          view={route.view}
          liveStatus={liveStatus}
          onSignOut={props.onSignOut}
        />
        {route.view === 'admin' && <AdminScreen api={props.adminApi} section={route.section} />}
        <div className="messenger" hidden={route.view === 'admin'}>
          <ChatListPanel
            view={view}
            filters={filters}
            search={location.search}
            onSearchChange={(search) => changeLocation((current) => ({ ...current, search }))}
            onShow={showChats}
            pages={chats}
            counts={tabCounts.data}
            tags={catalogue.data?.tags}
            users={users.data}
            views={chatViews.data}
            onSaveView={saveView}
            onDeleteView={deleteView}
            runSearch={api.search}
            onOpenHit={openHit}
            selectedId={selectedId}
            onSelect={(conversationId) => {
              setSeek(null);
              setSelectedId(conversationId);
            }}
            onRetry={() => reload({ type: 'everything' })}
          />
          <ConversationPane
            conversationId={selectedId}
            chat={selectedChat}
            entries={entries}
            firstItemIndex={timeline.loaded?.firstItemIndex ?? NEWEST_PAGE_FIRST_INDEX}
            onLoadOlder={timeline.loadOlder}
            seek={seek?.conversationId === selectedId ? seek.timelineItemId : null}
            onSought={() => setSeek(null)}
            timelineError={timeline.error}
            currentUserId={session.user.id}
            onRetryTimeline={() => refreshConversation(selectedId ?? '')}
            onSend={send}
            onUpload={api.uploadAttachment}
            onMarkRead={markRead}
            onRetryMessage={retryMessage}
            onMarkMessageSent={markMessageSent}
            loadMedia={props.mediaApi.chatMedia}
            mediaReloadTick={ticks.timeline}
            loadTemplates={api.chatTemplates}
            canManageTemplates={session.user.role === 'admin'}
            onPlace={placeChat}
            assist={assist}
            onRetryTranslation={retryTranslation}
          />
          {selectedId === null ? (
            <aside className="client-card client-card--empty" />
          ) : (
            <ClientCardPanel
              card={card.data}
              error={card.error}
              currentUser={session.user}
              catalogue={catalogue.data}
              pipeline={pipeline.data}
              users={users.data}
              settings={crmSettings.data}
              settingsError={crmSettings.error}
              translationSettings={translationSettings.data}
              edits={cardEdits}
              onRetry={() => refreshConversation(selectedId)}
            />
          )}
        </div>
      </div>
    </MediaLinksProvider>
  );
}
