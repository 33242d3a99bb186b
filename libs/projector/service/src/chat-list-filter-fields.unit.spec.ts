import type { ChatListItem, TimelineItem } from '@parley/contracts';
import { conversationHistory, type StreamEvent } from '@parley/projections';
import type { ReadStore } from '@parley/read-store';
import { projectedDocuments } from './testing/projected-documents';

const h = conversationHistory();
const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T10:01:00.000Z';
const T2 = '2026-11-25T10:02:00.000Z';
const T3 = '2026-11-25T10:03:00.000Z';
const T4 = '2026-11-25T10:04:00.000Z';
const robot = { kind: 'robot', id: 'rule-7' } as const;

/** Given these events (recorded in order), applied `times` over to an empty read store. */
const given = async (events: readonly StreamEvent[], times = 1): Promise<ReadStore> =>
  (await projectedDocuments(events, { times })).readStore;

const chatOf = async (readStore: ReadStore): Promise<ChatListItem> =>
  (await readStore
    .collection('chats')
    .findOne({ _id: h.conversationId })) as unknown as ChatListItem;

const actionsOf = async (readStore: ReadStore) =>
  (await readStore.collection('timeline').find({}, { sort: { seq: 1 } }))
    .map((d) => d as unknown as TimelineItem)
    .filter((t) => t.item.kind === 'action')
    .map((t) => [t.actor, t.item.kind === 'action' && t.item.action]);

describe('chat list: the ignore list, mark unread and the source (issue 11, L8, L9, R2)', () => {
  it('given a client put on the ignore list, then the chat is ignored, and the timeline says who did it', async () => {
    const readStore = await given([
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.ignored(true, T2, robot),
    ]);
    expect(await chatOf(readStore)).toMatchObject({ ignored: true, handledBy: 'robot' });
    expect(await actionsOf(readStore)).toEqual([[robot, 'chat.ignored']]);
  });

  it('given an ignored client writes, then the message is kept and unread, the chat stays ignored and archived', async () => {
    const readStore = await given([
      h.started(T0),
      h.ignored(true, T1),
      h.placed('Archived', T1),
      h.clientMessage('m1', 'Are you there?', T2),
    ]);
    expect(await chatOf(readStore)).toMatchObject({
      ignored: true,
      archived: true,
      unreadCount: 1,
      status: 'new_message',
      lastActivityAt: T2,
      lastMessage: { direction: 'in', preview: 'Are you there?' },
    });
  });

  it('given the client taken off the list, then their next message brings an archived chat back', async () => {
    const readStore = await given([
      h.started(T0),
      h.ignored(true, T1),
      h.placed('Archived', T1),
      h.ignored(false, T2),
      h.clientMessage('m1', 'Hi again', T3),
    ]);
    expect(await chatOf(readStore)).toMatchObject({ ignored: false, archived: false });
    expect((await actionsOf(readStore)).map(([, action]) => action)).toEqual([
      'chat.ignored',
      'chat.archived',
      'chat.unignored',
    ]);
  });

  it('given the events applied twice (a replay), then an archive after a message is not undone', async () => {
    const events = [
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.placed('Archived', T2),
      h.ignored(true, T3),
      h.clientMessage('m2', 'Hello?', T4),
    ];
    const once = await given(events);
    const twice = await given(events, 2);
    expect(await chatOf(twice)).toEqual(await chatOf(once));
    expect(await chatOf(twice)).toMatchObject({ archived: true, ignored: true, unreadCount: 2 });
  });

  it('given a manager marks a read chat unread, then it is marked, not handled, until somebody reads it', async () => {
    const marked = await given([
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.placed('Pinned', T1, robot),
      h.markedRead(T2),
      h.markedUnread(T3, 'manager-7'),
    ]);
    expect(await chatOf(marked)).toMatchObject({
      markedUnread: true,
      unreadCount: 0,
      status: 'read',
      handledBy: 'robot',
    });
    expect((await actionsOf(marked)).at(-1)).toEqual([
      { kind: 'manager', id: 'manager-7' },
      'chat.marked_unread',
    ]);

    const read = await given([h.started(T0), h.markedUnread(T1), h.markedRead(T2)]);
    expect(await chatOf(read)).toMatchObject({ markedUnread: false, status: 'read' });
  });

  it("given the contact's attribution, then the chat's source; a later first /start sets it; none is null", async () => {
    expect(await chatOf(await given([h.started(T0), h.contactCreated(T0)]))).toMatchObject({
      source: 'fb',
    });
    expect(
      await chatOf(
        await given([h.started(T0), h.contactCreated(T0), h.attributionRecorded('instagram', T1)]),
      ),
    ).toMatchObject({ source: 'instagram' });
    expect(await chatOf(await given([h.started(T0)]))).toMatchObject({ source: null });
  });

  it('given a chat nobody ignored or marked, then both are false', async () => {
    expect(
      await chatOf(await given([h.started(T0), h.clientMessage('m1', 'Hi', T1)])),
    ).toMatchObject({ ignored: false, markedUnread: false });
  });
});
