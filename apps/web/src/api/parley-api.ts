import type {
  ChatListItem,
  ClientCard,
  CommandResponse,
  LiveTicketResponse,
  Page,
  Pipeline,
  SignInResponse,
  TagCatalogue,
  TimelineItem,
  User,
} from '@parley/contracts';
import type { HttpClient } from './http-client';

const chatPath = (conversationId: string, rest = ''): string =>
  `/api/chats/${encodeURIComponent(conversationId)}${rest}`;

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
  chats: (): Promise<Page<ChatListItem>> => http.request<Page<ChatListItem>>('GET', '/api/chats'),
  timeline: (conversationId: string): Promise<Page<TimelineItem>> =>
    http.request<Page<TimelineItem>>('GET', chatPath(conversationId, '/timeline')),
  card: (conversationId: string): Promise<ClientCard> =>
    http.request<ClientCard>('GET', chatPath(conversationId, '/card')),
  sendMessage: (
    conversationId: string,
    text: string,
    messageId: string,
  ): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', chatPath(conversationId, '/messages'), {
      text,
      messageId,
    }),
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
  /** A one-time ticket for the WebSocket (renews an expired access token first, like any call). */
  liveTicket: (): Promise<LiveTicketResponse> =>
    http.request<LiveTicketResponse>('POST', '/api/live/ticket'),
});

export type ParleyApi = ReturnType<typeof createParleyApi>;
