import type { ChatListItem, ClientCard, TimelineItem } from '@parley/contracts';
import {
  conversationHistory,
  projectEvent,
  recordInOrder,
  timelineOrderKey,
  type ProjectableEvent,
  type StreamEvent,
} from '@parley/projections';
import {
  createInMemoryReadStore,
  DuplicateKeyError,
  type ReadCollection,
  type ReadStore,
} from '@parley/read-store';
import { applyProjection } from './apply-projection';
import {
  applyRecorded,
  conversationDocuments,
  projectedDocuments,
} from './testing/projected-documents';

const h = conversationHistory();
const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T10:01:00.000Z';
const T2 = '2026-11-25T10:02:00.000Z';
const T3 = '2026-11-25T10:03:00.000Z';
const T4 = '2026-11-25T10:04:00.000Z';

/** What the gateway returns: bookkeeping fields (`_…` except `_id`) removed. */
const asServed = <T>(document: Record<string, unknown>): T =>
  Object.fromEntries(
    Object.entries(document).filter(([key]) => key === '_id' || !key.startsWith('_')),
  ) as T;

/** Given these events (recorded in order), applied to an empty in-memory read store. */
const given = (...events: StreamEvent[]) => projectedDocuments(events);

const fullHistory = (): StreamEvent[] => [
  h.started(T0),
  h.clientMessage('m1', 'Hello, is the course still open?', T1),
  h.contactCreated(T1),
  h.dealCreated(T1),
  h.managerMessage('o1', 'Yes, it is', T2),
  h.delivered('o1', T3),
  h.markedRead(T3, 'manager-7'),
];

describe('read-model documents (projections applied to the in-memory read store)', () => {
  it('given a conversation with its contact and deal, then chats, timeline and cards hold it', async () => {
    const { readStore, recorded } = await given(...fullHistory());
    const { chats, timeline, cards } = await conversationDocuments(readStore);

    expect(chats.map((d) => asServed<ChatListItem>(d))).toEqual([
      {
        _id: h.conversationId,
        workspaceId: 'w1',
        channel: 'telegram',
        contact: {
          contactId: h.contactId,
          name: 'Ann Karenina',
          username: 'ann_k',
          avatarUrl: null,
        },
        tags: [],
        lastMessage: { direction: 'out', kind: 'text', preview: 'Yes, it is', at: T2 },
        lastActivityAt: T2,
        status: 'read',
        unreadCount: 0,
        archived: false,
        pinned: false,
        handledBy: 'manager',
        ignored: false,
        markedUnread: false,
        source: 'fb',
        responsibleManagerId: null,
        deal: { stage: 'new', line: 1 },
        languages: ['ru'],
        clientBlockedBotAt: null,
      } satisfies ChatListItem,
    ]);

    const served = timeline.map((d) => asServed<TimelineItem>(d));
    expect(
      served.map((t) => [
        t.seq,
        t.item.kind === 'message'
          ? t.item.messageId
          : t.item.kind === 'action'
            ? t.item.action
            : t.item.noteId,
      ]),
    ).toEqual([
      ['00000000000000000002', 'm1'],
      ['00000000000000000003', 'contact.created'],
      ['00000000000000000004', 'deal.created'],
      ['00000000000000000005', 'o1'],
      ['00000000000000000007', 'conversation.read'],
    ]);
    expect(served[3]).toEqual({
      _id: `${h.conversationId}|o1`,
      workspaceId: 'w1',
      conversationId: h.conversationId,
      at: T2,
      seq: '00000000000000000005',
      orderKey: timelineOrderKey(T2, '5', 'not a client message'),
      actor: { kind: 'manager', id: 'm1' },
      item: {
        kind: 'message',
        messageId: 'o1',
        direction: 'out',
        content: { kind: 'text', text: 'Yes, it is' },
        delivery: { status: 'sent', at: T3 },
      },
    } satisfies TimelineItem);
    expect(served[4]).toMatchObject({
      _id: `${h.conversationId}|${recorded[6]!.event.metadata.eventId}`,
      item: { kind: 'action', action: 'conversation.read', summary: 'Read by manager-7' },
    });

    expect(cards.map((d) => asServed<ClientCard>(d))).toEqual([
      {
        _id: h.conversationId,
        workspaceId: 'w1',
        contact: expect.objectContaining({
          contactId: h.contactId,
          telegramId: '42',
          name: 'Ann Karenina',
          attribution: expect.objectContaining({ source: 'fb', campaign: 'spring' }),
        }),
        deal: { dealId: h.dealId, stage: 'new', line: 1, channel: 'telegram', createdAt: T1 },
      },
    ]);
    // Bookkeeping: each document knows the last revision it applied per stream.
    expect(chats[0]!['_applied']).toEqual({
      [`conversation-${h.conversationId}`]: 4,
      [`crm-${h.contactId}`]: 0,
      [`crm-${h.dealId}`]: 0,
    });
  });

  it('replaying every event twice gives the same documents', async () => {
    const { readStore: once } = await given(...fullHistory());
    const twice = createInMemoryReadStore();
    const recorded = recordInOrder(fullHistory());
    await applyRecorded(
      twice,
      recorded.flatMap((r) => [r, r]),
    );
    await applyRecorded(twice, recorded);

    expect(await conversationDocuments(twice)).toEqual(await conversationDocuments(once));
  });

  it('an old event delivered after newer ones of its stream changes nothing', async () => {
    const { readStore, recorded } = await given(...fullHistory());
    const before = await conversationDocuments(readStore);

    // The client message (revision 1) again, after the manager read the chat.
    await applyRecorded(readStore, [recorded[1]!]);

    expect(await conversationDocuments(readStore)).toEqual(before);
    expect(before.chats[0]).toMatchObject({ unreadCount: 0, status: 'read' });
  });

  it('CRM events read before the conversation events give the same documents', async () => {
    const recorded = recordInOrder(fullHistory());
    const { readStore: inOrder } = await given(...fullHistory());
    const crmFirst = createInMemoryReadStore();
    const isCrm = (r: ProjectableEvent) => r.streamName.startsWith('crm-');
    await applyRecorded(crmFirst, [
      ...recorded.filter(isCrm),
      ...recorded.filter((r) => !isCrm(r)),
    ]);

    expect(await conversationDocuments(crmFirst)).toEqual(await conversationDocuments(inOrder));
  });

  it('a chat shows "sent" only while the delivered message is its last message', async () => {
    const { readStore } = await given(
      h.started(T0),
      h.managerMessage('o1', 'Hi', T1),
      h.clientMessage('m1', 'Hello', T2),
      h.delivered('o1', T3),
    );
    expect(await readStore.collection('chats').findOne({ _id: h.conversationId })).toMatchObject({
      status: 'new_message',
      unreadCount: 1,
      lastMessage: { direction: 'in', preview: 'Hello' },
    });
    const item = await readStore.collection('timeline').findOne({ _id: `${h.conversationId}|o1` });
    expect(item).toMatchObject({ item: { delivery: { status: 'sent', at: T3 } } });
  });

  it('a failed delivery puts the chat in "error" until the next message', async () => {
    const { readStore } = await given(
      h.started(T0),
      h.managerMessage('o1', 'Hi', T1),
      h.deliveryFailed('o1', T2),
    );
    const chats = readStore.collection('chats');
    expect(await chats.findOne({ _id: h.conversationId })).toMatchObject({ status: 'error' });
    expect(
      await readStore.collection('timeline').findOne({ _id: `${h.conversationId}|o1` }),
    ).toMatchObject({
      item: {
        delivery: { status: 'error', reason: 'The client blocked the bot', code: 'blocked' },
      },
    });

    await applyRecorded(
      readStore,
      recordInOrder([h.clientMessage('m2', 'Are you there?', T4)], 10).map((r) => ({
        ...r,
        revision: 3,
      })),
    );
    expect(await chats.findOne({ _id: h.conversationId })).toMatchObject({
      status: 'new_message',
      unreadCount: 1,
      lastActivityAt: T4,
    });
  });

  it('an archived chat is hidden until a manager unarchives it or the client writes; a pin stays; the timeline says who did it (L4, L8)', async () => {
    const robot = { kind: 'robot', id: 'rule-7' } as const;
    const chatOf = async (readStore: ReadStore) =>
      asServed<ChatListItem>(
        (await readStore.collection('chats').findOne({ _id: h.conversationId }))!,
      );

    const { readStore } = await given(
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.placed('Pinned', T2),
      h.placed('Archived', T2, robot),
    );
    expect(await chatOf(readStore)).toMatchObject({
      archived: true,
      pinned: true,
      handledBy: 'robot',
      lastActivityAt: T1,
    });
    const actions = (await readStore.collection('timeline').find({}, { sort: { seq: 1 } }))
      .map((d) => asServed<TimelineItem>(d))
      .filter((t) => t.item.kind === 'action')
      .map((t) => [t.actor, t.item.kind === 'action' && t.item.action]);
    expect(actions).toEqual([
      [{ kind: 'manager', id: 'm1' }, 'chat.pinned'],
      [robot, 'chat.archived'],
    ]);

    const after = await given(
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.placed('Archived', T2),
      h.clientMessage('m2', 'Anyone?', T3),
    );
    expect(await chatOf(after.readStore)).toMatchObject({
      archived: false,
      pinned: false,
      handledBy: 'manager',
    });

    const unarchived = await given(
      h.started(T0),
      h.placed('Pinned', T1),
      h.placed('Archived', T2),
      h.placed('Unarchived', T3),
      h.placed('Unpinned', T4),
    );
    expect(await chatOf(unarchived.readStore)).toMatchObject({ archived: false, pinned: false });
  });

  it('the hand last on a chat: a robot after a manager is Auto, a manager after a robot is Manual, reading is neither (L8)', async () => {
    const robot = { kind: 'robot', id: 'rule-7' } as const;
    const handledBy = async (...events: StreamEvent[]) => {
      const { readStore } = await given(...events);
      return (await readStore.collection('chats').findOne({ _id: h.conversationId }))?.[
        'handledBy'
      ];
    };
    expect(await handledBy(h.started(T0), h.clientMessage('m1', 'Hello', T1))).toBeNull();
    expect(
      await handledBy(
        h.started(T0),
        h.managerMessage('o1', 'Hi', T1),
        h.placed('Pinned', T2, robot),
      ),
    ).toBe('robot');
    expect(
      await handledBy(
        h.started(T0),
        h.placed('Pinned', T1, robot),
        h.managerMessage('o1', 'Hi', T2),
      ),
    ).toBe('manager');
    expect(await handledBy(h.started(T0), h.placed('Pinned', T1, robot), h.markedRead(T2))).toBe(
      'robot',
    );
  });

  it('an upsert that loses the race to create a chat (duplicate key) is applied to the chat the other consumer created', async () => {
    const [started, contact] = recordInOrder([h.started(T0), h.contactCreated(T0)]);
    const inner = createInMemoryReadStore();
    let raced = false;
    // The CRM consumer creates the chat between this upsert's lookup and its insert, as two
    // projector consumers can on MongoDB; the insert then fails with a duplicate key.
    const racing: ReadStore = {
      ensureCollection: (name) => inner.ensureCollection(name),
      dropAll: () => inner.dropAll(),
      dropCollection: (name) => inner.dropCollection(name),
      close: () => inner.close(),
      collection: <T extends { _id: string }>(name: string) => {
        const collection = inner.collection<T>(name);
        return new Proxy(collection, {
          get: (target, property) =>
            property === 'updateOne'
              ? ((async (filter, update, options) => {
                  if (!raced && options?.upsert) {
                    raced = true;
                    await applyProjection(inner, projectEvent(contact)!);
                    throw new DuplicateKeyError(name, '_id_', { _id: filter['_id'] });
                  }
                  return target.updateOne(filter, update, options);
                }) satisfies ReadCollection<T>['updateOne'])
              : Reflect.get(target, property, target),
        });
      },
    };

    const changed = await applyProjection(racing, projectEvent(started)!);

    expect(raced).toBe(true);
    expect(changed).toEqual(['chats']);
    expect(await inner.collection('chats').findOne({ _id: h.conversationId })).toMatchObject({
      contact: { contactId: h.contactId, name: 'Ann Karenina' },
      status: 'new_system_notification',
      languages: ['ru'],
    });
  });
});
