import type { MediaMessageKey } from './media-en';

/** Russian for the Media tab (issue 9, C6): every key of `mediaEn`, checked by the type. */
export const mediaRu: Readonly<Record<MediaMessageKey, string>> = {
  'media.title': 'Медиа',
  'media.filter.label': 'Показать',
  'media.filter.all': 'Все',
  'media.kind.photo': 'Фото',
  'media.kind.video': 'Видео',
  'media.kind.video_note': 'Видеосообщения',
  'media.kind.voice': 'Голосовые',
  'media.kind.audio': 'Аудио',
  'media.kind.document': 'Документы',
  'media.empty': 'В этом разговоре пока нет медиа.',
  'media.loadMore': 'Показать раньше',
  'media.open': 'Открыть {name} в полном размере',
  'media.close': 'Закрыть',
  'media.download': 'Скачать {name}',
  'media.fileDetails': '{size} · {date}',
  'media.view.label': 'Показать диалог как',
  'media.view.timeline': 'Лента',
  'media.view.media': 'Медиа',
  'media.fetching': 'Загружаем файл…',
  'media.tooLargeToFetch': 'Слишком большой, чтобы загрузить ({name}, {size}): откройте в Telegram',
  'media.tooLargeToFetch.unnamed': 'файл',
  'media.unavailable': 'Не удалось получить файл из Telegram',
  'media.linkFailed': 'Не удалось загрузить файл: {message}',
};
