import type { ChatListItem, MessageContent, TimelineItem } from '@parley/contracts';
import { conversationHistory, type StreamEvent } from '@parley/projections';
import { projectedDocuments } from './testing/projected-documents';

const h = conversationHistory();
const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T10:01:00.000Z';
const T2 = '2026-11-25T10:02:00.000Z';
const T3 = '2026-11-25T10:03:00.000Z';

/** Given these events (recorded in order), applied twice (a replay) to an empty read store. */
const given = async (...events: StreamEvent[]) => {
  const { readStore } = await projectedDocuments(events, { times: 2 });
  const chat = (await readStore.collection('chats').findOne({ _id: h.conversationId })) as
    (ChatListItem & Record<string, unknown>) | null;
  const timeline = (await readStore
    .collection('timeline')
    .find({}, { sort: { orderKey: 1 } })) as unknown as TimelineItem[];
  return { chat, timeline };
};

const file = {
  fileId: 'AwAC-voice',
  fileUniqueId: 'AgAD-voice',
  fileSize: 24_000,
  mimeType: 'audio/ogg',
  fileName: null,
  width: null,
  height: null,
  duration: 12,
};
const voice: MessageContent = { kind: 'voice', file, caption: null };
const photo: MessageContent = {
  kind: 'photo',
  file: { ...file, mimeType: null, duration: null, width: 1280, height: 960 },
  caption: 'my receipt',
};
const document: MessageContent = {
  kind: 'document',
  file: { ...file, mimeType: 'application/pdf', fileName: 'contract.pdf', duration: null },
  caption: null,
};

describe('read models of every kind of message, edits and blocks (in-memory read store)', () => {
  it.each([
    [voice, 'Voice message 0:12'],
    [photo, 'Photo: my receipt'],
    [document, 'Document: contract.pdf'],
    [{ kind: 'location', latitude: 1, longitude: 2, livePeriod: null } as const, 'Location'],
    [{ kind: 'dice', emoji: '🎲', value: 4 } as const, 'Dice 🎲 4'],
    [
      {
        kind: 'sticker',
        file: { ...file, duration: null },
        stickerFormat: 'animated',
        emoji: '🎉',
      } as const,
      'Sticker 🎉',
    ],
  ])(
    'given a client message of kind %o, then the timeline item carries it and the chat list names it',
    async (content, preview) => {
      const { chat, timeline } = await given(h.started(T0), h.clientContent('m1', content, T1));
      expect(timeline.map((t) => t.item)).toEqual([
        { kind: 'message', messageId: 'm1', direction: 'in', content, delivery: null },
      ]);
      expect(chat?.lastMessage).toEqual({ direction: 'in', kind: content.kind, preview, at: T1 });
      expect(chat?.unreadCount).toBe(1);
    },
  );

  it('given a message edited twice, then the item shows the last version, marked edited, with the earlier ones in order', async () => {
    const v1: MessageContent = { kind: 'text', text: 'Helo' };
    const v2: MessageContent = { kind: 'text', text: 'Hello' };
    const v3: MessageContent = { kind: 'text', text: 'Hello!' };
    const { chat, timeline } = await given(
      h.started(T0),
      h.clientMessage('m1', 'Helo', T1),
      h.clientMessageEdited('m1', v2, T1, T2, { content: v1, at: T1 }),
      h.clientMessageEdited('m1', v3, T1, T3, { content: v2, at: T2 }),
    );
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.item).toEqual({
      kind: 'message',
      messageId: 'm1',
      direction: 'in',
      content: v3,
      delivery: null,
      edited: {
        at: T3,
        earlierVersions: [
          { content: v1, at: T1 },
          { content: v2, at: T2 },
        ],
      },
    });
    expect(chat?.lastMessage?.preview).toBe('Hello!');
    expect(chat?.unreadCount).toBe(1);
  });

  it('given an edit of a message that is no longer the last, then the chat list keeps the last message', async () => {
    const { chat } = await given(
      h.started(T0),
      h.clientMessage('m1', 'Helo', T1),
      h.managerMessage('o1', 'Hi!', T2),
      h.clientMessageEdited('m1', { kind: 'text', text: 'Hello' }, T1, T3, {
        content: { kind: 'text', text: 'Helo' },
        at: T1,
      }),
    );
    expect(chat?.lastMessage).toMatchObject({ direction: 'out', preview: 'Hi!' });
  });

  it('given an edit of a message Parley never saw, then it is its own item, marked edited, new to the manager', async () => {
    const { chat, timeline } = await given(
      h.started(T0),
      h.clientMessageEdited('e1', { kind: 'text', text: 'Written offline' }, T1, T2, null),
    );
    expect(timeline.map((t) => t.item)).toEqual([
      {
        kind: 'message',
        messageId: 'e1',
        direction: 'in',
        content: { kind: 'text', text: 'Written offline' },
        delivery: null,
        edited: { at: T2, earlierVersions: [] },
      },
    ]);
    expect(chat).toMatchObject({ unreadCount: 1, lastMessage: { preview: 'Written offline' } });
  });

  it('given the client blocked the bot and then unblocked it, then the timeline says so and the chat follows', async () => {
    const blocked = await given(h.started(T0), h.clientBlockedBot(T1));
    expect(blocked.chat?.clientBlockedBotAt).toBe(T1);
    expect(blocked.timeline.map((t) => t.item)).toEqual([
      {
        kind: 'action',
        action: 'client.blocked_bot',
        summary: 'The client blocked the bot',
        details: {},
      },
    ]);

    const unblocked = await given(h.started(T0), h.clientBlockedBot(T1), h.clientUnblockedBot(T2));
    expect(unblocked.chat?.clientBlockedBotAt).toBeNull();
    expect(
      unblocked.timeline.map((t) => (t.item.kind === 'action' ? t.item.action : null)),
    ).toEqual(['client.blocked_bot', 'client.unblocked_bot']);
  });

  it('given a photo whose file was fetched, then its item carries the media id; the chat list is untouched', async () => {
    const mediaId = '6f1c1d2e-3b4a-5c6d-8e7f-0a1b2c3d4e5f';
    const before = await given(h.started(T0), h.clientContent('m1', photo, T1));
    const { chat, timeline } = await given(
      h.started(T0),
      h.clientContent('m1', photo, T1),
      h.clientMediaFetched('m1', mediaId, T2),
    );
    expect(timeline.map((t) => t.item)).toEqual([
      {
        kind: 'message',
        messageId: 'm1',
        direction: 'in',
        content: photo,
        delivery: null,
        media: { status: 'fetched', mediaId, contentType: 'image/png', size: 98_000 },
      },
    ]);
    expect(chat?.lastMessage).toEqual(before.chat?.lastMessage);
  });

  it('given a file too large to fetch, then its item says so with the name and size', async () => {
    const { timeline } = await given(
      h.started(T0),
      h.clientContent('m1', document, T1),
      h.clientMediaTooLarge('m1', T2),
    );
    expect(timeline[0]!.item).toMatchObject({
      messageId: 'm1',
      media: { status: 'failed', reason: 'too_large', fileName: 'film.mp4', fileSize: 31_000_000 },
    });
  });
});
