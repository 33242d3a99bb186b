import WebSocket from 'ws';
import type {
  ChatListItem,
  ClientCard,
  LiveMessage,
  LiveTicketResponse,
  Page,
  SignInResponse,
  TimelineItem,
} from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';

/** The gateway API as a test drives it: real HTTP and a real WebSocket. */
export class ParleyApiClient {
  private token = '';

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<SignInResponse> {
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as SignInResponse;
    this.token = body.accessToken;
    return body;
  }

  request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.token && { authorization: `Bearer ${this.token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async json<T>(path: string): Promise<T> {
    const res = await this.request('GET', path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  chats = () => this.json<Page<ChatListItem>>('/api/chats');
  timeline = (conversationId: string) =>
    this.json<Page<TimelineItem>>(`/api/chats/${encodeURIComponent(conversationId)}/timeline`);
  card = (conversationId: string) =>
    this.json<ClientCard>(`/api/chats/${encodeURIComponent(conversationId)}/card`);

  /** Wait until a chat matching `predicate` is in the list; returns it. */
  waitForChat(
    predicate: (chat: ChatListItem) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<ChatListItem> {
    return waitUntil(what, async () => (await this.chats()).items.find(predicate), timeoutMs, 100);
  }

  waitForTimelineItem(
    conversationId: string,
    predicate: (item: TimelineItem) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<TimelineItem> {
    return waitUntil(
      what,
      async () => (await this.timeline(conversationId)).items.find(predicate),
      timeoutMs,
      100,
    );
  }

  /** A one-time ticket for the live socket, as the web app gets one. */
  async liveTicket(): Promise<string> {
    const res = await this.request('POST', '/api/live/ticket');
    if (res.status !== 200) throw new Error(`live ticket: ${res.status} ${await res.text()}`);
    return ((await res.json()) as LiveTicketResponse).ticket;
  }

  /** Open the live socket with a fresh ticket; every message it pushes lands in `received`. */
  async live(): Promise<{ received: LiveMessage[]; close(): void }> {
    const ticket = await this.liveTicket();
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/api/live?ticket=${encodeURIComponent(ticket)}`;
    const socket = new WebSocket(url);
    const received: LiveMessage[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as LiveMessage));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return { received, close: () => socket.close() };
  }
}
