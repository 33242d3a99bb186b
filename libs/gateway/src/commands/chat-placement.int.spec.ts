import { type CommandEnvelope } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import {
  appendingHandler,
  startCommandStandIn,
  type CommandStandIn,
} from '../testing/command-stand-in';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { seedChats } from '../testing/seed-chats';

const OPEN = 'ws1:tg:1:placed';
const GONE = 'ws1:tg:1:placed-gone';
const OTHER = 'ws2:tg:1:placed';

describe('gateway: archive, unarchive, pin, unpin, ignore, unignore and mark unread a chat (L4, L8, L9)', () => {
  let gateway: TestGateway;
  let conversation: CommandStandIn;
  let token: string;
  let userId: string;

  const handle = async (command: CommandEnvelope) => {
    const { conversationId } = command.data as { conversationId: string };
    if (conversationId === GONE)
      throw new DomainRuleViolation('conversation.not_found', `No conversation ${conversationId}.`);
    const events: Record<string, string> = {
      ArchiveConversation: 'Conversation.Archived',
      UnarchiveConversation: 'Conversation.Unarchived',
      PinConversation: 'Conversation.Pinned',
      UnpinConversation: 'Conversation.Unpinned',
      IgnoreConversation: 'Conversation.Ignored',
      UnignoreConversation: 'Conversation.Unignored',
      MarkConversationUnread: 'Conversation.MarkedUnread',
    };
    return appendingHandler(gateway.store, 'conversation', (c) => events[c.type]!)(command);
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    conversation = await startCommandStandIn(gateway, 'conversation', {
      ArchiveConversation: handle,
      UnarchiveConversation: handle,
      PinConversation: handle,
      UnpinConversation: handle,
      IgnoreConversation: handle,
      UnignoreConversation: handle,
      MarkConversationUnread: handle,
    });
    await seedChats(gateway, [OPEN, GONE, OTHER]);
    const session = await gateway.signIn();
    token = session.accessToken;
    userId = session.user.id;
  }, 60_000);

  afterAll(async () => {
    await conversation?.stop();
    await gateway?.close();
  });

  it.each([
    ['archive', 'ArchiveConversation'],
    ['unarchive', 'UnarchiveConversation'],
    ['pin', 'PinConversation'],
    ['unpin', 'UnpinConversation'],
    ['ignore', 'IgnoreConversation'],
    ['unignore', 'UnignoreConversation'],
    ['unread', 'MarkConversationUnread'],
  ])(
    'when a manager asks to %s a chat, then 202 and a %s command by that manager',
    async (route, type) => {
      const { status, body } = await gateway.call(`/api/chats/${OPEN}/${route}`, {
        token,
        method: 'POST',
      });

      expect(status).toBe(202);
      expect(body).toEqual({ commandId: expect.any(String), status: 'accepted' });
      expect(conversation.received.at(-1)).toMatchObject({
        service: 'conversation',
        type,
        data: { conversationId: OPEN },
        metadata: { workspaceId: 'ws1', actor: { kind: 'manager', id: userId } },
      });
    },
  );

  it("given another workspace's chat, an unknown one or no token, then 404/401 and no command", async () => {
    const before = conversation.received.length;
    const other = await gateway.call(`/api/chats/${OTHER}/archive`, { token, method: 'POST' });
    const unknown = await gateway.call('/api/chats/ws1:tg:1:nobody/pin', {
      token,
      method: 'POST',
    });
    const otherIgnored = await gateway.call(`/api/chats/${OTHER}/ignore`, {
      token,
      method: 'POST',
    });
    const otherUnread = await gateway.call(`/api/chats/${OTHER}/unread`, {
      token,
      method: 'POST',
    });
    const anonymous = await gateway.call(`/api/chats/${OPEN}/archive`, { method: 'POST' });

    expect([
      other.status,
      unknown.status,
      anonymous.status,
      otherIgnored.status,
      otherUnread.status,
    ]).toEqual([404, 404, 401, 404, 404]);
    expect(conversation.received.length).toBe(before);
  });

  it('given the service answers not_found, then 404 with its reason and code', async () => {
    const { status, body } = await gateway.call(`/api/chats/${GONE}/archive`, {
      token,
      method: 'POST',
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'conversation.not_found' });
  });
});
