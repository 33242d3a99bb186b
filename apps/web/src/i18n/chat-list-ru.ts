import type { ChatListMessageKey } from './chat-list-en';

/** Russian for the chat list's tabs and where a chat is put: every key of `chatListEn`. */
export const chatListRu: Readonly<Record<ChatListMessageKey, string>> = {
  'chatList.tabs': 'Показать чаты',
  'chatList.tab.all': 'Все',
  'chatList.tab.pinned': 'Закреплённые',
  'chatList.tab.manual': 'Ручные',
  'chatList.tab.auto': 'Авто',
  'chatList.tabCount': '{tab}: чатов {count}',
  'chatList.archived': 'Архив',
  'chatList.archivedHint': 'Показать архивные чаты вместо остальных',
  'chatList.emptyTab': 'Здесь нет чатов.',
  'chatList.pinned': 'Закреплён',
  'chat.place.pin': 'Закрепить',
  'chat.place.unpin': 'Открепить',
  'chat.place.archive': 'В архив',
  'chat.place.unarchive': 'Из архива',
  'chat.place.failed': 'Не удалось изменить чат: {message}',
  'chat.archivedNote': 'В архиве: вернётся в список, когда клиент напишет',
  'timelineDid.chat.archived': '{who} отправил чат в архив',
  'timelineDid.chat.archived.you': '{who} отправили чат в архив',
  'timelineDid.chat.unarchived': '{who} вернул чат из архива',
  'timelineDid.chat.unarchived.you': '{who} вернули чат из архива',
  'timelineDid.chat.pinned': '{who} закрепил чат',
  'timelineDid.chat.pinned.you': '{who} закрепили чат',
  'timelineDid.chat.unpinned': '{who} открепил чат',
  'timelineDid.chat.unpinned.you': '{who} открепили чат',
};
