import type {
  AddNoteRequest,
  ChatListItem,
  ChatTabCounts,
  AssistantRequest,
  ChatListFilters,
  ChatView,
  ClientCard,
  CommandResponse,
  ConversationLanguagesRequest,
  CreateTaskRequest,
  CrmSettingsView,
  DraftTranslation,
  EditContactRequest,
  LiveTicketResponse,
  RecordSaleRequest,
  RenderedTemplate,
  ReplyAdvice,
  RescheduleTaskRequest,
  SaveChatViewRequest,
  SearchResults,
  TasksNotesCommandResponse,
  WorkspaceUserList,
  Page,
  Pipeline,
  SignInResponse,
  TagCatalogue,
  TimelineItem,
  TranslatedFrom,
  TranslationSettingsView,
  User,
} from '@parley/contracts';
import {
  chatListQuery,
  chatTabsQuery,
  DEFAULT_CHAT_LIST_VIEW,
  type ChatListView,
  type ChatPlacement,
} from '../chat-list/chat-list-view';
import { createAttachmentUpload } from './attachment-upload';
import type { HttpClient } from './http-client';
import { sendMessageBody } from './send-message-body';

const chatPath = (conversationId: string, rest = ''): string =>
  `/api/chats/${encodeURIComponent(conversationId)}${rest}`;

const assistantBody = (language: string | undefined): AssistantRequest =>
  language === undefined ? {} : { language };

/** The gateway's routes (libs/contracts/src/gateway/gateway-api.ts), typed. */
export const createParleyApi = (http: HttpClient) => ({
  async signIn(email: string, password: string): Promise<SignInResponse> {
    const session = await http.request<SignInResponse>(
      'POST',
      '/api/auth/login',
      { email, password },
      { renewOn401: false, sendToken: false },
    );
    http.setAccessToken(session.accessToken);
    return session;
  },
  /** Resumes a session from the refresh cookie, if the browser has one. */
  restoreSession: (): Promise<SignInResponse | null> => http.refreshSession(),
  async signOut(): Promise<void> {
    try {
      await http.request<void>('POST', '/api/auth/logout', undefined, { renewOn401: false });
    } finally {
      http.setAccessToken(null);
    }
  },
  me: (): Promise<User> => http.request<User>('GET', '/api/me'),
  /**
   * One page of the chat list in a view: a quick tab (L8), archived chats or the others (L4),
   * narrowed by filters (issue 11); `cursor` is the previous page's `nextCursor`.
   */
  chats: (
    view: ChatListView = DEFAULT_CHAT_LIST_VIEW,
    filters: ChatListFilters = {},
    cursor?: string,
  ): Promise<Page<ChatListItem>> =>
    http.request<Page<ChatListItem>>('GET', `/api/chats${chatListQuery(view, filters, cursor)}`),
  /** How many chats each quick tab holds (L8) under the same filters. */
  chatTabs: (archived: boolean, filters: ChatListFilters = {}): Promise<ChatTabCounts> =>
    http.request<ChatTabCounts>('GET', `/api/chats/tabs${chatTabsQuery(archived, filters)}`),
  /** Chats by the client's name, username, a tag or a word of a message (L2). */
  search: (query: string, limit: number): Promise<SearchResults> =>
    http.request<SearchResults>(
      'GET',
      `/api/search?${new URLSearchParams({ q: query, limit: String(limit) }).toString()}`,
    ),
  /** The built-in views, then the user's saved ones (issue 11). */
  chatViews: async (): Promise<readonly ChatView[]> =>
    (await http.request<{ readonly items: readonly ChatView[] }>('GET', '/api/chat-views')).items,
  saveChatView: (view: SaveChatViewRequest): Promise<ChatView> =>
    http.request<ChatView>('POST', '/api/chat-views', view),
  deleteChatView: (viewId: string): Promise<void> =>
    http.request<void>('DELETE', `/api/chat-views/${encodeURIComponent(viewId)}`),
  /** One chat, whichever view it is in (the open chat after it was archived, say). */
  chat: (conversationId: string): Promise<ChatListItem> =>
    http.request<ChatListItem>('GET', chatPath(conversationId)),
  /** Archive, unarchive, pin, unpin, ignore or unignore a chat, or mark it unread (L4, L8, L9). */
  placeChat: (conversationId: string, placement: ChatPlacement): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', chatPath(conversationId, `/${placement}`)),
  /** The newest page of a timeline, or with `before` the page above that cursor (C5). */
  timeline: (
    conversationId: string,
    before?: string,
    limit?: number,
  ): Promise<Page<TimelineItem>> => {
    const params = new URLSearchParams();
    if (before !== undefined) params.set('before', before);
    if (limit !== undefined) params.set('limit', String(limit));
    const query = params.toString();
    return http.request<Page<TimelineItem>>(
      'GET',
      chatPath(conversationId, `/timeline${query === '' ? '' : `?${query}`}`),
    );
  },
  card: (conversationId: string): Promise<ClientCard> =>
    http.request<ClientCard>('GET', chatPath(conversationId, '/card')),
  /**
   * A text, or an uploaded file (`attachmentId`, B8) or a reply template's file (`templateId`,
   * issue 13) with `text` as its optional caption: a blank caption is left out. A text sent in
   * translation (B4) is the translation, with what the manager wrote as `translatedFrom`.
   */
  sendMessage: (
    conversationId: string,
    text: string,
    messageId: string,
    attachmentId?: string,
    templateId?: string,
    translatedFrom?: TranslatedFrom,
  ): Promise<CommandResponse> =>
    http.request<CommandResponse>(
      'POST',
      chatPath(conversationId, '/messages'),
      sendMessageBody(text, messageId, attachmentId, templateId, translatedFrom),
    ),
  /** Uploads a file to send (B8), with its progress: see attachment-upload.ts. */
  uploadAttachment: createAttachmentUpload(http),
  /** Send a failed message again (C4); for an unconfirmed one, a deliberate second send. */
  retryMessage: (conversationId: string, messageId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>(
      'POST',
      chatPath(conversationId, `/messages/${encodeURIComponent(messageId)}/retry`),
    ),
  /** The manager checked the chat: an unconfirmed message reached the client. */
  markMessageSent: (conversationId: string, messageId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>(
      'POST',
      chatPath(conversationId, `/messages/${encodeURIComponent(messageId)}/mark-sent`),
    ),
  markRead: (conversationId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', chatPath(conversationId, '/read')),
  /** The workspace's tags with their colours (issue 10). */
  tagCatalogue: (): Promise<TagCatalogue> => http.request<TagCatalogue>('GET', '/api/crm/tags'),
  /** The workspace's stages in order, retired ones after the live ones. */
  pipeline: (): Promise<Pipeline> => http.request<Pipeline>('GET', '/api/crm/pipeline'),
  addTag: (conversationId: string, name: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', chatPath(conversationId, '/tags'), { name }),
  removeTag: (conversationId: string, name: string): Promise<CommandResponse> =>
    http.request<CommandResponse>(
      'DELETE',
      chatPath(conversationId, `/tags/${encodeURIComponent(name)}`),
    ),
  moveDealToStage: (conversationId: string, stageId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', chatPath(conversationId, '/stage'), { stageId }),
  changeDealLine: (conversationId: string, line: 1 | 2): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', chatPath(conversationId, '/line'), { line }),
  /** A user id, or null to unassign. */
  setResponsibleManager: (
    conversationId: string,
    managerId: string | null,
  ): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', chatPath(conversationId, '/responsible-manager'), {
      managerId,
    }),
  /** The workspace's users by name, for pickers (responsible manager, task assignee). */
  users: (): Promise<WorkspaceUserList> => http.request<WorkspaceUserList>('GET', '/api/users'),
  /** What every user may read of the CRM settings: the registration-link template (R7). */
  crmSettings: (): Promise<CrmSettingsView> =>
    http.request<CrmSettingsView>('GET', '/api/crm/settings'),
  /** Name, country, phone; null clears country or phone. */
  editContact: (conversationId: string, edit: EditContactRequest): Promise<CommandResponse> =>
    http.request<CommandResponse>('PATCH', chatPath(conversationId, '/contact'), edit),
  /** A manual sale (R6); the same saleId again records one sale. */
  recordSale: (conversationId: string, sale: RecordSaleRequest): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', chatPath(conversationId, '/sales'), sale),
  createTask: (
    conversationId: string,
    task: CreateTaskRequest,
  ): Promise<TasksNotesCommandResponse> =>
    http.request<TasksNotesCommandResponse>('POST', chatPath(conversationId, '/tasks'), task),
  completeTask: (conversationId: string, taskId: string): Promise<TasksNotesCommandResponse> =>
    http.request<TasksNotesCommandResponse>(
      'POST',
      chatPath(conversationId, `/tasks/${encodeURIComponent(taskId)}/complete`),
    ),
  reopenTask: (conversationId: string, taskId: string): Promise<TasksNotesCommandResponse> =>
    http.request<TasksNotesCommandResponse>(
      'POST',
      chatPath(conversationId, `/tasks/${encodeURIComponent(taskId)}/reopen`),
    ),
  rescheduleTask: (
    conversationId: string,
    taskId: string,
    due: RescheduleTaskRequest,
  ): Promise<TasksNotesCommandResponse> =>
    http.request<TasksNotesCommandResponse>(
      'POST',
      chatPath(conversationId, `/tasks/${encodeURIComponent(taskId)}/reschedule`),
      due,
    ),
  addNote: (conversationId: string, note: AddNoteRequest): Promise<TasksNotesCommandResponse> =>
    http.request<TasksNotesCommandResponse>('POST', chatPath(conversationId, '/notes'), note),
  /** The workspace's reply templates rendered for this chat's client and the signed-in manager. */
  chatTemplates: (conversationId: string): Promise<readonly RenderedTemplate[]> =>
    http.request<readonly RenderedTemplate[]>('GET', chatPath(conversationId, '/templates')),
  /** The workspace's translation provider, team language and AI assistant (issue 12, C2). */
  translationSettings: (): Promise<TranslationSettingsView> =>
    http.request<TranslationSettingsView>('GET', '/api/translation/settings'),
  /** The chat's own languages (C2): the client's and the team's; null is automatic. */
  setChatLanguages: (
    conversationId: string,
    languages: ConversationLanguagesRequest,
  ): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', chatPath(conversationId, '/languages'), {
      clientLanguage: languages.clientLanguage,
      teamLanguage: languages.teamLanguage,
    }),
  /**
   * The manager's draft in the client's language (B4), to edit before sending; a refusal is an
   * ApiError with the `reason` (422 or 503).
   */
  previewTranslation: (conversationId: string, text: string): Promise<DraftTranslation> =>
    http.request<DraftTranslation>('POST', chatPath(conversationId, '/translation-preview'), {
      text,
    }),
  /** An AI reply draft in `language` (the interface's, B5): never sent by itself. */
  replyAdvice: (conversationId: string, language?: string): Promise<ReplyAdvice> =>
    http.request<ReplyAdvice>('POST', chatPath(conversationId, '/advice'), assistantBody(language)),
  /** Asks for an AI summary (B7): 202; the summary, or why none came, arrives on the timeline. */
  scoreConversation: (conversationId: string, language?: string): Promise<CommandResponse> =>
    http.request<CommandResponse>(
      'POST',
      chatPath(conversationId, '/score'),
      assistantBody(language),
    ),
  /** Translate a client message again after a retryable failure (C2). */
  retryTranslation: (conversationId: string, messageId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>(
      'POST',
      chatPath(conversationId, `/messages/${encodeURIComponent(messageId)}/retry-translation`),
    ),
  /** A one-time ticket for the WebSocket (renews an expired access token first, like any call). */
  liveTicket: (): Promise<LiveTicketResponse> =>
    http.request<LiveTicketResponse>('POST', '/api/live/ticket'),
});

export type ParleyApi = ReturnType<typeof createParleyApi>;
