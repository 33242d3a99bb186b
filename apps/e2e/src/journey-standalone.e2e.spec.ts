import { sampleStartUpdate, sampleTextUpdate } from '@parley/channel-telegram/testing';
import { waitUntil } from '@parley/test-infra';
import type { JourneyFixture } from './journey/journey-fixture';
import { ParleyApiClient } from './journey/parley-api-client';
import { startStandaloneParley, type StandaloneParley } from './journey/standalone-parley';
import type { TelegramWebhookClient } from './journey/telegram-webhook-client';

// The walking skeleton's journey (issue 3) against `npm start`'s standalone mode: one process,
// PGlite, in-process bus, in-memory read models; Telegram answered by a local stand-in.

describe('a client message, both ways, on the standalone (npm start)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let baseUrl: string;
  let webhook: TelegramWebhookClient;
  const ANNA = 700001;
  const BORIS = 700002;

  beforeAll(async () => {
    parley = await startStandaloneParley('journey');
    ({ f, baseUrl, webhook } = parley);
  });

  afterAll(() => parley?.close());

  it('refuses a wrong or missing secret token with 401', async () => {
    const update = sampleTextUpdate({ updateId: 1, chatId: 1, text: 'sneaky' });
    expect((await webhook.post(update, 'wrong-secret')).status).toBe(401);
    expect((await webhook.post(update, null)).status).toBe(401);
  });

  it('answers 200 to an update it cannot use, so Telegram stops redelivering it, and counts it', async () => {
    const res = await webhook.post({ update_id: 'abc' });
    expect(res.status).toBe(200);
    // The detailed health is an admin's to read.
    const admin = new ParleyApiClient(baseUrl);
    await admin.signIn(f.admin.email, f.admin.password);
    const health = (await (await admin.request('GET', '/health')).json()) as {
      checks: { name: string; detail?: string }[];
    };
    expect(health.checks.find((c) => c.name === 'telegram-webhook')?.detail).toMatch(
      /1 unusable body/,
    );
  });

  it('carries a client message to the chat list, timeline and card, and a reply back to Telegram', async () => {
    const manager = new ParleyApiClient(baseUrl);
    await manager.signIn(f.manager.email, f.manager.password);
    const admin = new ParleyApiClient(baseUrl);
    await admin.signIn(f.admin.email, f.admin.password);
    const adminLive = await admin.live();
    const conversationId = f.conversationId(ANNA);

    // 1-2. Given a client who arrives through a deep link and writes, delivered twice by Telegram,
    const start = sampleStartUpdate({
      updateId: 10,
      chatId: ANNA,
      firstName: 'Anna',
      lastName: 'Petrova',
      username: 'anna_p',
      // base64url of {"s":"facebook","c":"winter26","a":"ad12"}: a link built outside Parley (R2)
      payload: 'eyJzIjoiZmFjZWJvb2siLCJjIjoid2ludGVyMjYiLCJhIjoiYWQxMiJ9',
    });
    const hello = sampleTextUpdate({
      updateId: 11,
      chatId: ANNA,
      firstName: 'Anna',
      lastName: 'Petrova',
      username: 'anna_p',
      text: 'Hello, how much is it?',
    });
    const postedAt = Date.now();
    expect((await webhook.post(start)).status).toBe(200);
    expect((await webhook.post(hello)).status).toBe(200);
    expect((await webhook.post(hello)).status).toBe(200);

    // 3-5. then the chat list shows the client, the last message and a "new message" status,
    const chat = await manager.waitForChat(
      (c) => c._id === conversationId && c.lastMessage?.preview === 'Hello, how much is it?',
      'the chat in the list',
    );
    process.stderr.write(
      `standalone journey: webhook → chat list in ${Date.now() - postedAt} ms\n`,
    );
    expect(chat).toMatchObject({
      contact: { name: 'Anna Petrova' },
      status: 'new_message',
      unreadCount: 1,
    });
    // the timeline holds the message once (the repeated delivery stored nothing),
    const timeline = await manager.timeline(conversationId);
    const incoming = timeline.items.filter(
      (i) => i.item.kind === 'message' && i.item.direction === 'in',
    );
    expect(incoming).toHaveLength(1);
    // and the card carries the attribution of the deep link and the deal in its first stage.
    const card = await waitUntil('the card with the deal', async () => {
      const c = await manager.card(conversationId);
      return c.deal ? c : undefined;
    });
    expect(card.contact).toMatchObject({
      telegramId: String(ANNA),
      username: 'anna_p',
      attribution: { source: 'facebook', campaign: 'winter26', ad: 'ad12', adSet: null },
    });
    expect(card.deal).toMatchObject({ stage: 'new', line: 1, channel: 'telegram' });

    // 6. When the manager replies, the Bot API gets it and the delivery state becomes sent.
    const bad = await manager.request(
      'POST',
      `/api/chats/${encodeURIComponent(conversationId)}/messages`,
      { text: '' },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('text');
    const reply = await manager.request(
      'POST',
      `/api/chats/${encodeURIComponent(conversationId)}/messages`,
      { text: 'Hi Anna! 10 EUR a month.' },
    );
    expect(reply.status).toBe(202);
    const { messageId } = (await reply.json()) as { messageId: string };
    const sent = await manager.waitForTimelineItem(
      conversationId,
      (i) =>
        i.item.kind === 'message' &&
        i.item.messageId === messageId &&
        i.item.delivery?.status === 'sent',
      'the reply marked sent',
    );
    expect(sent.actor).toMatchObject({ kind: 'manager' });
    expect(
      f.standIn.callsOf('sendMessage').map((c) => [String(c.params['chat_id']), c.params['text']]),
    ).toContainEqual([String(ANNA), 'Hi Anna! 10 EUR a month.']);

    // 7. When the manager marks the chat read, another manager's live socket hears of it.
    const changesBefore = adminLive.received.length;
    expect(
      (await manager.request('POST', `/api/chats/${encodeURIComponent(conversationId)}/read`))
        .status,
    ).toBe(202);
    const read = await admin.waitForChat(
      (c) => c._id === conversationId && c.status === 'read',
      'the chat read',
    );
    expect(read.unreadCount).toBe(0);
    await waitUntil('a live change after the read', () =>
      adminLive.received
        .slice(changesBefore)
        .some((m) => m.type === 'changed' && m.conversationId === conversationId)
        ? true
        : undefined,
    );
    adminLive.close();
  });

  it('shows "error" with the reason when the client blocked the bot (403)', async () => {
    const manager = new ParleyApiClient(baseUrl);
    await manager.signIn(f.manager.email, f.manager.password);
    const conversationId = f.conversationId(BORIS);
    f.standIn.blockChat(BORIS);
    expect(
      (
        await webhook.post(
          sampleTextUpdate({ updateId: 20, chatId: BORIS, firstName: 'Boris', text: 'hi' }),
        )
      ).status,
    ).toBe(200);
    await manager.waitForChat((c) => c._id === conversationId, 'Boris in the list');
    const reply = await manager.request(
      'POST',
      `/api/chats/${encodeURIComponent(conversationId)}/messages`,
      { text: 'Hello Boris' },
    );
    expect(reply.status).toBe(202);
    const failed = await manager.waitForTimelineItem(
      conversationId,
      (i) =>
        i.item.kind === 'message' &&
        i.item.direction === 'out' &&
        i.item.delivery?.status === 'error',
      'the reply marked error',
    );
    expect(failed.item.kind === 'message' && failed.item.delivery).toMatchObject({
      status: 'error',
      code: 'blocked',
    });
    expect(JSON.stringify(failed.item)).toContain('blocked the bot');
    const chat = await manager.waitForChat(
      (c) => c._id === conversationId && c.status === 'error',
      'the chat in error',
    );
    expect(chat.status).toBe('error');
  });
});
