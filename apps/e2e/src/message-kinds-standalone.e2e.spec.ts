import {
  SAMPLE_MESSAGE_FIELDS,
  sampleEditedTextUpdate,
  sampleGroupUpdate,
  sampleMessageUpdate,
  sampleMyChatMemberUpdate,
  samplePhotoUpdate,
  sampleTextUpdate,
  type SampleMessageKind,
} from '@parley/channel-telegram/testing';
import type { MediaItem, Page, TimelineItem, TimelineMessage } from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import type { JourneyFixture } from './journey/journey-fixture';
import { ParleyApiClient } from './journey/parley-api-client';
import { startStandaloneParley, type StandaloneParley } from './journey/standalone-parley';
import type { TelegramWebhookClient } from './journey/telegram-webhook-client';

// Issue 9, inbound: every kind a private chat brings, posted to the webhook of `npm start` twice
// as Telegram redelivers, ends as the right timeline item exactly once; edits and blocks too.

/** The content kind each webhook fixture must become. */
const EXPECTED_KIND: Record<SampleMessageKind, string> = {
  text_with_entities: 'text',
  photo: 'photo',
  video: 'video',
  video_note: 'video_note',
  voice: 'voice',
  audio: 'audio',
  document: 'document',
  sticker_static: 'sticker',
  sticker_animated: 'sticker',
  sticker_video: 'sticker',
  animation: 'animation',
  location: 'location',
  venue: 'venue',
  contact: 'contact',
  poll: 'poll',
  dice: 'dice',
  game: 'unsupported',
};

const messagesOf = (items: readonly TimelineItem[]): TimelineMessage[] =>
  items.flatMap((i) => (i.item.kind === 'message' && i.item.direction === 'in' ? [i.item] : []));

describe('every kind of client message, edits and blocks, on the standalone (npm start)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let webhook: TelegramWebhookClient;
  let manager: ParleyApiClient;
  const KATE = 710001;
  const LEO = 710002;

  beforeAll(async () => {
    parley = await startStandaloneParley('message-kinds');
    ({ f, webhook } = parley);
    manager = new ParleyApiClient(parley.baseUrl);
    await manager.signIn(f.manager.email, f.manager.password);
  });

  afterAll(() => parley?.close());

  it('each fixture posted twice ends as its own timeline item exactly once', async () => {
    const conversationId = f.conversationId(KATE);
    const kinds = Object.keys(SAMPLE_MESSAGE_FIELDS) as SampleMessageKind[];
    const updates = kinds.map((kind, i) =>
      sampleMessageUpdate({ updateId: 100 + i, chatId: KATE, messageId: 1 + i, kind }),
    );
    for (const update of updates) expect((await webhook.post(update)).status).toBe(200);
    for (const update of updates) expect((await webhook.post(update)).status).toBe(200);

    const items = await waitUntil(
      'every message on the timeline',
      async () => {
        // The chat may not be projected yet: its timeline answers 404 until it is.
        const page = await manager.timeline(conversationId).catch(() => undefined);
        if (!page) return undefined;
        return messagesOf(page.items).length >= kinds.length ? page.items : undefined;
      },
      60_000,
      200,
    );
    const messages = messagesOf(items);
    expect(messages.map((m) => m.content.kind)).toEqual(kinds.map((k) => EXPECTED_KIND[k]));
    const stickers = messages.flatMap((m) =>
      m.content.kind === 'sticker' ? [m.content.stickerFormat] : [],
    );
    expect(stickers).toEqual(['static', 'animated', 'video']);
    const photo = messages.find((m) => m.content.kind === 'photo')!.content;
    expect(photo).toMatchObject({
      file: { fileId: 'AgACAgIAAxkBAAIBZ2-large', fileSize: 98_000, width: 1280 },
      caption: 'my receipt',
    });
    expect(messages[0]!.content).toMatchObject({
      kind: 'text',
      entities: expect.arrayContaining([
        expect.objectContaining({ type: 'text_link', url: 'https://example.com/this' }),
      ]),
    });

    const chat = await manager.waitForChat(
      (c) => c._id === conversationId && c.unreadCount === kinds.length,
      'the chat with every message unread',
    );
    expect(chat.lastMessage).toMatchObject({ kind: 'unsupported' });
  });

  it('a client’s photo is fetched into the media store: served as image/png and listed in the Media tab; a file over 20 MB is too large to fetch', async () => {
    const MIRA = 710003;
    const conversationId = f.conversationId(MIRA);
    // A 1×1 PNG, served by the Bot API stand-in for the photo's largest size.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const fileId = 'AgACAgIAAxkBAAIBmira';
    f.standIn.serveFile(fileId, { bytes: png });
    const sample = samplePhotoUpdate({
      updateId: 500,
      chatId: MIRA,
      messageId: 1,
      caption: 'scan',
    });
    const photo = {
      ...sample,
      message: {
        ...(sample['message'] as Record<string, unknown>),
        photo: [
          { file_id: fileId, file_unique_id: 'AQADmira', width: 1, height: 1, file_size: 70 },
        ],
      },
    };
    expect((await webhook.post(photo)).status).toBe(200);
    expect((await webhook.post(photo)).status).toBe(200);
    const document = sampleMessageUpdate({
      updateId: 501,
      chatId: MIRA,
      messageId: 2,
      kind: 'document',
    });
    const message = document['message'] as Record<string, unknown>;
    const tooBig = {
      ...document,
      message: {
        ...message,
        document: {
          ...SAMPLE_MESSAGE_FIELDS.document.document,
          file_id: 'BQACAgIAAxkBAAIBhuge',
          file_size: 25_000_000,
        },
      },
    };
    expect((await webhook.post(tooBig)).status).toBe(200);

    const [fetched, failed] = await waitUntil(
      'both files settled on the timeline',
      async () => {
        // The chat may not be projected yet: its timeline answers 404 until it is.
        const timeline = await manager.timeline(conversationId).catch(() => undefined);
        if (!timeline) return undefined;
        const messages = messagesOf(timeline.items);
        return messages.length === 2 && messages.every((m) => m.media !== undefined)
          ? messages
          : undefined;
      },
      30_000,
      200,
    );
    expect(failed!.media).toEqual({
      status: 'failed',
      reason: 'too_large',
      fileName: 'contract.pdf',
      fileSize: 25_000_000,
    });
    expect(fetched!.media).toMatchObject({
      status: 'fetched',
      contentType: 'image/png',
      size: png.length,
    });
    const mediaId = fetched!.media!.status === 'fetched' ? fetched!.media!.mediaId : '';

    const listed = await manager.request(
      'GET',
      `/api/chats/${encodeURIComponent(conversationId)}/media`,
    );
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as Page<MediaItem>;
    expect(page.items.map((i) => [i.mediaId, i.kind, i.contentType])).toEqual([
      [mediaId, 'photo', 'image/png'],
    ]);

    const link = await manager.request('GET', `/api/media/${mediaId}/link`);
    expect(link.status).toBe(200);
    const { url } = (await link.json()) as { url: string };
    expect(url).toMatch(new RegExp(`/api/media/${mediaId}\\?`));
    const served = await fetch(new URL(url, parley.baseUrl));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    // Posted twice, fetched once; the file over 20 MB was never asked for.
    expect(f.standIn.callsOf('getFile').filter((c) => c.params['file_id'] === fileId)).toHaveLength(
      1,
    );
    expect(
      f.standIn
        .callsOf('downloadFile')
        .filter((c) => c.params['file_path'] === f.standIn.filePathOf(fileId)),
    ).toHaveLength(1);
    expect(
      f.standIn.callsOf('getFile').filter((c) => c.params['file_id'] === 'BQACAgIAAxkBAAIBhuge'),
    ).toEqual([]);
  });

  it('an edit, posted twice, updates the message in place, marked edited with its earlier version', async () => {
    const conversationId = f.conversationId(LEO);
    const original = sampleTextUpdate({ updateId: 200, chatId: LEO, messageId: 5, text: 'Helo' });
    const edit = sampleEditedTextUpdate({
      updateId: 201,
      chatId: LEO,
      messageId: 5,
      text: 'Hello',
    });
    // An edit of a message Parley never saw (sent before the bot was connected, say).
    const unseen = sampleEditedTextUpdate({
      updateId: 202,
      chatId: LEO,
      messageId: 2,
      text: 'Old',
    });
    for (const update of [original, edit, edit, unseen, unseen]) {
      expect((await webhook.post(update)).status).toBe(200);
    }
    const items = await waitUntil(
      'the edit and the unseen message on the timeline',
      async () => {
        const page = await manager.timeline(conversationId).catch(() => undefined);
        if (!page) return undefined;
        const messages = messagesOf(page.items);
        return messages.length === 2 && messages.every((m) => m.edited) ? messages : undefined;
      },
      30_000,
      200,
    );
    expect(items.map((m) => [m.content, m.edited?.earlierVersions.map((v) => v.content)])).toEqual([
      [{ kind: 'text', text: 'Old', entities: [] }, []],
      [
        { kind: 'text', text: 'Hello', entities: [] },
        [{ kind: 'text', text: 'Helo', entities: [] }],
      ],
    ]);
  });

  it('the client blocks the bot: the chat says so and sending is refused with the reason; unblocking clears it', async () => {
    const conversationId = f.conversationId(LEO);
    const blocked = sampleMyChatMemberUpdate({ updateId: 300, chatId: LEO, status: 'kicked' });
    expect((await webhook.post(blocked)).status).toBe(200);
    expect((await webhook.post(blocked)).status).toBe(200);
    await manager.waitForChat(
      (c) => c._id === conversationId && typeof c.clientBlockedBotAt === 'string',
      'the chat marked blocked',
    );
    const path = `/api/chats/${encodeURIComponent(conversationId)}/messages`;
    const refused = await waitUntil('the reply refused', async () => {
      const res = await manager.request('POST', path, { text: 'Are you there?' });
      return res.status === 422 ? res : undefined;
    });
    expect(await refused.json()).toMatchObject({
      code: 'client.blocked_bot',
      message: 'The client blocked the bot: nothing can be sent until they unblock it.',
    });
    const timeline = await manager.timeline(conversationId);
    expect(
      timeline.items.filter(
        (i) => i.item.kind === 'action' && i.item.action === 'client.blocked_bot',
      ),
    ).toHaveLength(1);

    const unblocked = sampleMyChatMemberUpdate({ updateId: 301, chatId: LEO, status: 'member' });
    expect((await webhook.post(unblocked)).status).toBe(200);
    await manager.waitForChat(
      (c) => c._id === conversationId && c.clientBlockedBotAt === null,
      'the chat unblocked',
    );
    const reply = await manager.request('POST', path, { text: 'Welcome back' });
    expect(reply.status).toBe(202);
  });

  it('group and supergroup messages stay out of the chat list, counted as ignored', async () => {
    for (const type of ['group', 'supergroup'] as const) {
      const body = sampleGroupUpdate({ updateId: 400, chatId: -720001, text: 'hi all', type });
      expect(
        (await webhook.post({ ...body, update_id: type === 'group' ? 400 : 401 })).status,
      ).toBe(200);
    }
    const admin = new ParleyApiClient(parley.baseUrl);
    await admin.signIn(f.admin.email, f.admin.password);
    const health = (await (await admin.request('GET', '/health')).json()) as {
      checks: { name: string; detail?: string }[];
    };
    expect(health.checks.find((c) => c.name === 'telegram-webhook')?.detail).toMatch(
      /2 ignored \(message\.group 1, message\.supergroup 1\)/,
    );
    const chats = await manager.chats();
    expect(chats.items.some((c) => c._id === f.conversationId(-720001))).toBe(false);
  });
});
