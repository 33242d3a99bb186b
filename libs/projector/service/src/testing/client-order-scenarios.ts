import type { ChatListItem, TimelineItem } from '@parley/contracts';
import {
  conversationHistory,
  projectEvent,
  recordInOrder,
  type ProjectableEvent,
  type StreamEvent,
} from '@parley/projections';
import type { ReadStore } from '@parley/read-store';
import { applyProjection } from '../apply-projection';
import { ensureReadModelIndexes } from '../read-model-indexes';

/**
 * C7 on the read models: client messages in the order the client wrote them, whatever order
 * they arrived in. Given `Conversation.*` events in arrival order, with the placement the
 * conversation decider gives (a late message takes the place of the later one it precedes),
 * then the timeline as the gateway reads it (by `orderKey`) and the chat's last message.
 * One suite for every read store the projector writes to.
 */
export const describeClientOrderScenarios = (
  storeName: string,
  createReadStore: () => ReadStore | Promise<ReadStore>,
): void => {
  describe(`client order in the read models (C7) on ${storeName}`, () => {
    const h = conversationHistory('w1', '4242');
    const T0 = '2026-11-25T10:00:00.000Z';
    const at = (seconds: number): string =>
      new Date(Date.UTC(2026, 10, 25, 10, 0, seconds)).toISOString();
    /** Telegram message n, sent at second n, placed where the decider put it. */
    const clientMessage = (n: number, placedAtSecond: number): StreamEvent =>
      h.clientMessage(`m${n}`, `text ${n}`, at(n), {
        clientOrder: n,
        placedAt: at(placedAtSecond),
      });

    let readStore: ReadStore;
    beforeEach(async () => {
      readStore = await createReadStore();
      await ensureReadModelIndexes(readStore);
    });
    afterEach(async () => {
      await readStore.dropAll();
      await readStore.close();
    });

    const apply = async (recorded: readonly ProjectableEvent[]) => {
      const changed = [];
      for (const r of recorded) {
        const projection = projectEvent(r);
        if (projection) changed.push(...(await applyProjection(readStore, projection)));
      }
      return changed;
    };
    /** The timeline as the gateway reads it: by orderKey. */
    const timeline = async (): Promise<string[]> =>
      (
        (await readStore
          .collection('timeline')
          .find(
            { conversationId: h.conversationId },
            { sort: { orderKey: 1, _id: 1 } },
          )) as unknown as TimelineItem[]
      ).map((t) =>
        t.item.kind === 'message'
          ? t.item.messageId
          : t.item.kind === 'action'
            ? t.item.action
            : t.item.noteId,
      );
    const chat = async (): Promise<ChatListItem & Record<string, unknown>> =>
      (await readStore
        .collection('chats')
        .findOne({ _id: h.conversationId })) as unknown as ChatListItem & Record<string, unknown>;

    it('given m1, m3, m2 in arrival order, then the timeline is m1, m2, m3 and the last message stays m3', async () => {
      await apply(
        recordInOrder([
          h.started(T0),
          clientMessage(1, 1),
          clientMessage(3, 3),
          clientMessage(2, 3),
        ]),
      );

      expect(await timeline()).toEqual(['m1', 'm2', 'm3']);
      expect(await chat()).toMatchObject({
        lastMessage: { direction: 'in', preview: 'text 3', at: at(3) },
        _lastMessageId: 'm3',
        status: 'new_message',
        unreadCount: 3,
        lastActivityAt: at(3),
      });
    });

    it('given m1, m3, m2, when m2 is delivered again, then nothing changes', async () => {
      const recorded = recordInOrder([
        h.started(T0),
        clientMessage(1, 1),
        clientMessage(3, 3),
        clientMessage(2, 3),
      ]);
      await apply(recorded);
      const before = { timeline: await timeline(), chat: await chat() };

      expect(await apply([recorded[3]!])).toEqual([]);
      expect({ timeline: await timeline(), chat: await chat() }).toEqual(before);
    });

    it('given a reply after m3, when m2 arrives late, then it stands before m3 and the reply stays the last message', async () => {
      await apply(
        recordInOrder([
          h.started(T0),
          clientMessage(1, 1),
          clientMessage(3, 3),
          h.managerMessage('r1', 'Hello!', at(5)),
          clientMessage(2, 3),
        ]),
      );

      expect(await timeline()).toEqual(['m1', 'm2', 'm3', 'r1']);
      expect(await chat()).toMatchObject({
        lastMessage: { direction: 'out', preview: 'Hello!' },
        _lastMessageId: 'r1',
        status: 'new_message',
        unreadCount: 3,
      });
    });

    it('given the chat was read after m3, when m2 arrives late, then it is unread and new, and m3 stays the last message', async () => {
      await apply(
        recordInOrder([
          h.started(T0),
          clientMessage(1, 1),
          clientMessage(3, 3),
          h.markedRead(at(4)),
          clientMessage(2, 3),
        ]),
      );

      expect(await timeline()).toEqual(['m1', 'm2', 'm3', 'conversation.read']);
      expect(await chat()).toMatchObject({
        lastMessage: { preview: 'text 3' },
        status: 'new_message',
        unreadCount: 1,
      });
    });

    it('given m4 arrives first of all, then m1..m3 late (each before the earliest later one), then the timeline is m1..m4', async () => {
      await apply(
        recordInOrder([
          h.started(T0),
          clientMessage(4, 10),
          clientMessage(2, 10),
          clientMessage(1, 10),
          clientMessage(3, 10),
        ]),
      );

      expect(await timeline()).toEqual(['m1', 'm2', 'm3', 'm4']);
      expect((await chat()).lastMessage).toMatchObject({ preview: 'text 4' });
    });

    it('given v1 events written before C7 (no order, no placement), then they still project, by the time the client sent them', async () => {
      await apply(
        recordInOrder([
          h.started(T0),
          h.clientMessageV1('m1', 'text 1', at(1), 1),
          h.clientMessageV1('m3', 'text 3', at(3), 3),
          h.clientMessageV1('m2', 'text 2', at(2), 2),
        ]),
      );

      expect(await timeline()).toEqual(['m1', 'm2', 'm3']);
      expect((await chat()).lastMessage).toMatchObject({ preview: 'text 3' });
    });
  });
};
