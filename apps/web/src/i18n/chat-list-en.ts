/** English for the chat list's tabs and where a chat is put (L4, L8), spread into `en`. */
export const chatListEn = {
  'chatList.tabs': 'Show chats',
  'chatList.tab.all': 'All',
  'chatList.tab.pinned': 'Pinned',
  'chatList.tab.manual': 'Manual',
  'chatList.tab.auto': 'Auto',
  'chatList.tabCount': '{tab}: {count} chats',
  'chatList.archived': 'Archived',
  'chatList.archivedHint': 'Show archived chats instead of the others',
  'chatList.emptyTab': 'No chats here.',
  'chatList.pinned': 'Pinned',
  'chat.place.pin': 'Pin',
  'chat.place.unpin': 'Unpin',
  'chat.place.archive': 'Archive',
  'chat.place.unarchive': 'Unarchive',
  'chat.place.failed': 'Could not change the chat: {message}',
  'chat.archivedNote': 'Archived: back in the list when the client writes',
  'timelineDid.chat.archived': '{who} archived the chat',
  'timelineDid.chat.archived.you': '{who} archived the chat',
  'timelineDid.chat.unarchived': '{who} unarchived the chat',
  'timelineDid.chat.unarchived.you': '{who} unarchived the chat',
  'timelineDid.chat.pinned': '{who} pinned the chat',
  'timelineDid.chat.pinned.you': '{who} pinned the chat',
  'timelineDid.chat.unpinned': '{who} unpinned the chat',
  'timelineDid.chat.unpinned.you': '{who} unpinned the chat',
} as const;

export type ChatListMessageKey = keyof typeof chatListEn;
