import type { ChatListItem } from '@parley/contracts';

/** A chat-list document as the gateway returns it, for specs. */
export const aChat = (overrides: Partial<ChatListItem> & { _id: string }): ChatListItem => ({
  workspaceId: 'w1',
  channel: 'telegram',
  contact: { contactId: 'k1', name: 'Anna Petrova', username: 'anna', avatarUrl: null },
  tags: [],
  lastMessage: { direction: 'in', kind: 'text', preview: 'Hello', at: '2026-11-25T10:00:00.000Z' },
  lastActivityAt: '2026-11-25T10:00:00.000Z',
  status: 'new_message',
  unreadCount: 1,
  archived: false,
  responsibleManagerId: null,
  deal: null,
  languages: [],
  ...overrides,
});
