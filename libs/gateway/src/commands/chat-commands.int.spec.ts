import { newId, streamName, type CommandEnvelope, type SendMessageData } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import {
  appendingHandler,
  startCommandStandIn,
  type CommandStandIn,
} from '../testing/command-stand-in';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { seedChats } from '../testing/seed-chats';

const ARCHIVED = 'ws1:tg:1:archived';
const GONE = 'ws1:tg:1:gone';
const OPEN = 'ws1:tg:1:open';
const STILL_SENDING = '00000000-0000-4000-8000-000000000001';

describe('gateway commands with outcomes (B1, B6)', () => {
  let gateway: TestGateway;
  let conversation: CommandStandIn;
  let token: string;
  let userId: string;
  const received = (): CommandEnvelope[] => conversation.received;

  /** A stand-in conversation service: appends one event, or rejects like the real one would. */
  const handle = async (command: CommandEnvelope) => {
    const { conversationId } = command.data as { conversationId: string };
    if (conversationId === GONE)
      throw new DomainRuleViolation('conversation.not_found', `No conversation ${conversationId}.`);
    if (conversationId === ARCHIVED)
      throw new DomainRuleViolation('conversation.archived', 'The conversation is archived.');
    const { messageId } = command.data as { messageId?: string };
    if (command.type === 'RetryMessage' && messageId === STILL_SENDING)
      throw new DomainRuleViolation(
        'message.not_failed',
        'This message is still being sent: only a message that failed can be sent again.',
      );
    const type = (c: CommandEnvelope) =>
      ({
        SendMessage: 'Conversation.ManagerMessageQueued',
        RetryMessage: 'Conversation.ManagerMessageRequeued',
        MarkMessageSent: 'Conversation.MessageMarkedSent',
      })[c.type] ?? 'Conversation.Read';
    return appendingHandler(gateway.store, 'conversation', type)(command);
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    conversation = await startCommandStandIn(gateway, 'conversation', {
      SendMessage: handle,
      MarkRead: handle,
      RetryMessage: handle,
      MarkMessageSent: handle,
    });
    await seedChats(gateway, [OPEN, GONE, ARCHIVED, 'ws2:tg:1:open']);
    const session = await gateway.signIn();
    token = session.accessToken;
    userId = session.user.id;
  }, 60_000);

  afterAll(async () => {
    await conversation?.stop();
    await gateway?.close();
  });

  it('given an open conversation, when sending a message, then 202 with the command id, and the command carries the manager, workspace and text', async () => {
    const messageId = newId();
    const { status, body } = await gateway.call(`/api/chats/${OPEN}/messages`, {
      token,
      body: { text: 'Hello!', messageId },
    });

    expect(status).toBe(202);
    expect(body).toEqual({ commandId: expect.any(String), status: 'accepted', messageId });
    const command = received().find(
      (c) => c.commandId === (body as { commandId: string }).commandId,
    )!;
    expect(command).toMatchObject({
      service: 'conversation',
      type: 'SendMessage',
      data: { conversationId: OPEN, messageId, content: { kind: 'text', text: 'Hello!' } },
      metadata: {
        workspaceId: 'ws1',
        aggregateId: OPEN,
        causationId: null,
        actor: { kind: 'manager', id: userId },
      },
    });
    const events = await gateway.store.readStream(streamName('conversation', OPEN));
    expect(events.at(-1)!.event).toMatchObject({
      type: 'Conversation.ManagerMessageQueued',
      data: { messageId },
    });
  });

  it('given a text sent in translation (B4), then the command carries what the manager wrote; a bad language is 400', async () => {
    const { status } = await gateway.call(`/api/chats/${OPEN}/messages`, {
      token,
      body: { text: '¡Hola!', translatedFrom: { text: 'Здравствуйте!', language: 'ru' } },
    });
    expect(status).toBe(202);
    expect(received().at(-1)).toMatchObject({
      type: 'SendMessage',
      data: {
        content: { kind: 'text', text: '¡Hola!' },
        translatedFrom: { text: 'Здравствуйте!', language: 'ru' },
      },
    });

    const before = received().length;
    const bad = await gateway.call(`/api/chats/${OPEN}/messages`, {
      token,
      body: { text: '¡Hola!', translatedFrom: { text: 'Здравствуйте!', language: 'Russian' } },
    });
    expect(bad.status).toBe(400);
    expect(received().length).toBe(before);
  });

  it('given no messageId, when sending, then the gateway chooses one', async () => {
    const { status, body } = await gateway.call(`/api/chats/${OPEN}/messages`, {
      token,
      body: { text: 'Second' },
    });

    expect(status).toBe(202);
    const { messageId } = body as { messageId: string };
    expect(messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect((received().at(-1)!.data as SendMessageData).messageId).toBe(messageId);
  });

  it('when marking read, then 202 and a MarkRead command', async () => {
    const { status, body } = await gateway.call(`/api/chats/${OPEN}/read`, {
      token,
      method: 'POST',
    });

    expect(status).toBe(202);
    expect(body).toEqual({ commandId: expect.any(String), status: 'accepted' });
    expect(received().at(-1)).toMatchObject({ type: 'MarkRead', data: { conversationId: OPEN } });
  });

  it('given a failed message, when a manager retries it, then 202 with its id and a RetryMessage command by that manager', async () => {
    const messageId = newId();
    const { status, body } = await gateway.call(`/api/chats/${OPEN}/messages/${messageId}/retry`, {
      token,
      method: 'POST',
    });

    expect(status).toBe(202);
    expect(body).toEqual({ commandId: expect.any(String), status: 'accepted', messageId });
    expect(received().at(-1)).toMatchObject({
      service: 'conversation',
      type: 'RetryMessage',
      data: { conversationId: OPEN, messageId },
      metadata: { workspaceId: 'ws1', actor: { kind: 'manager', id: userId } },
    });
    const events = await gateway.store.readStream(streamName('conversation', OPEN));
    expect(events.at(-1)!.event).toMatchObject({
      type: 'Conversation.ManagerMessageRequeued',
      data: { messageId },
    });
  });

  it('given an unconfirmed message, when a manager marks it sent, then 202 and a MarkMessageSent command', async () => {
    const messageId = newId();
    const { status, body } = await gateway.call(
      `/api/chats/${OPEN}/messages/${messageId}/mark-sent`,
      { token, method: 'POST' },
    );

    expect(status).toBe(202);
    expect(body).toEqual({ commandId: expect.any(String), status: 'accepted', messageId });
    expect(received().at(-1)).toMatchObject({
      type: 'MarkMessageSent',
      data: { conversationId: OPEN, messageId },
      metadata: { actor: { kind: 'manager', id: userId } },
    });
  });

  it('given a message still sending, when retried, then 422 with the readable reason and code', async () => {
    const { status, body } = await gateway.call(
      `/api/chats/${OPEN}/messages/${STILL_SENDING}/retry`,
      { token, method: 'POST' },
    );

    expect(status).toBe(422);
    expect(body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'This message is still being sent: only a message that failed can be sent again.',
      code: 'message.not_failed',
    });
  });

  it('given a message id that is not a UUID, then 400 naming messageId and no command is sent', async () => {
    const before = received().length;
    for (const action of ['retry', 'mark-sent']) {
      const { status, body } = await gateway.call(
        `/api/chats/${OPEN}/messages/not-a-uuid/${action}`,
        { token, method: 'POST' },
      );
      expect({ action, status }).toEqual({ action, status: 400 });
      expect(body).toMatchObject({ issues: [{ field: 'messageId' }] });
    }
    expect(received().length).toBe(before);
  });

  it("given another workspace's conversation or no token, then retry and mark-sent send no command", async () => {
    const before = received().length;
    const messageId = newId();
    const foreign = await gateway.call(`/api/chats/ws2:tg:1:open/messages/${messageId}/retry`, {
      token,
      method: 'POST',
    });
    const anonymous = await gateway.call(`/api/chats/${OPEN}/messages/${messageId}/mark-sent`, {
      method: 'POST',
    });
    expect(foreign.status).toBe(404);
    expect(anonymous.status).toBe(401);
    expect(received().length).toBe(before);
  });

  it('given the service answers not_found, then 404 with its reason and code', async () => {
    const { status, body } = await gateway.call(`/api/chats/${GONE}/messages`, {
      token,
      body: { text: 'Anyone?' },
    });

    expect(status).toBe(404);
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `No conversation ${GONE}.`,
      code: 'conversation.not_found',
    });
  });

  it('given the service rejects by another rule, then 422 with its reason and code', async () => {
    const { status, body } = await gateway.call(`/api/chats/${ARCHIVED}/read`, {
      token,
      method: 'POST',
    });

    expect(status).toBe(422);
    expect(body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'The conversation is archived.',
      code: 'conversation.archived',
    });
  });

  it("given an unknown conversation or another workspace's, then 404 and no command is sent", async () => {
    const before = received().length;
    for (const id of ['ws1:tg:9:9', 'ws2:tg:1:open']) {
      const { status, body } = await gateway.call(`/api/chats/${id}/messages`, {
        token,
        body: { text: 'Hi' },
      });
      expect({ id, status }).toEqual({ id, status: 404 });
      expect(body).toMatchObject({ message: `no conversation ${id}` });
    }
    expect(received().length).toBe(before);
  });

  it('given an empty text or a bad messageId, then 400 naming the field', async () => {
    const empty = await gateway.call(`/api/chats/${OPEN}/messages`, { token, body: { text: '' } });
    const badId = await gateway.call(`/api/chats/${OPEN}/messages`, {
      token,
      body: { text: 'Hi', messageId: 'not-a-uuid' },
    });

    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const emptyIssues = (empty.body as { issues: { field: string; reason: string }[] }).issues;
    expect(emptyIssues.map((i) => i.field)).toEqual(emptyIssues.map(() => 'text'));
    expect(emptyIssues.map((i) => i.reason)).toContain('text must contain a visible character');
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ issues: [{ field: 'messageId' }] });
  });

  it('given no token, then 401 and no command is sent', async () => {
    const before = received().length;
    const { status } = await gateway.call(`/api/chats/${OPEN}/messages`, { body: { text: 'Hi' } });
    expect(status).toBe(401);
    expect(received().length).toBe(before);
  });
});

describe('gateway commands when the service does not answer', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { COMMAND_TIMEOUT_MS: '300' } });
    await seedChats(gateway, [OPEN]);
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given no conversation service runs, when sending, then 504 with a clear message after COMMAND_TIMEOUT_MS', async () => {
    const { accessToken } = await gateway.signIn();
    const started = Date.now();
    const { status, body } = await gateway.call(`/api/chats/${OPEN}/messages`, {
      token: accessToken,
      body: { text: 'Hello?' },
    });

    expect(status).toBe(504);
    expect(body).toMatchObject({
      statusCode: 504,
      error: 'Gateway Timeout',
      message: expect.stringMatching(
        /^no answer to command .+ within 300 ms; it may still be applied$/,
      ),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
