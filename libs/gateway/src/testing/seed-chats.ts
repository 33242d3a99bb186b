import type { TestGateway } from './test-gateway';

/**
 * A `chats` document as the projector writes it for a conversation nobody handled yet: the
 * workspace is the id's first part (`ws1:tg:1:open` → `ws1`), so a command route finds the chat.
 */
export const chatDocument = (id: string, name = 'Client') => ({
  _id: id,
  workspaceId: id.slice(0, id.indexOf(':')),
  channel: 'telegram',
  contact: { contactId: null, name, username: null, avatarUrl: null },
  tags: [],
  lastMessage: null,
  lastActivityAt: '2026-11-01T10:00:00.000Z',
  status: 'new_message',
  unreadCount: 1,
  archived: false,
  responsibleManagerId: null,
  deal: null,
  languages: [],
});

/** The chats of `ids` in the gateway's read store, as `chatDocument` makes them. */
export const seedChats = async (gateway: TestGateway, ids: readonly string[]): Promise<void> => {
  for (const id of ids) {
    await gateway.readStore
      .collection('chats')
      .replaceOne({ _id: id }, chatDocument(id), { upsert: true });
  }
};
