/** English for the Media tab (issue 9, C6), spread into the source dictionary `en`. */
export const mediaEn = {
  'media.title': 'Media',
  'media.filter.label': 'Show',
  'media.filter.all': 'All',
  'media.kind.photo': 'Photos',
  'media.kind.video': 'Videos',
  'media.kind.video_note': 'Video notes',
  'media.kind.voice': 'Voice messages',
  'media.kind.audio': 'Audio',
  'media.kind.document': 'Documents',
  'media.empty': 'No media in this conversation yet.',
  'media.loadMore': 'Show older',
  'media.open': 'Open {name} full size',
  'media.close': 'Close',
  'media.download': 'Download {name}',
  'media.fileDetails': '{size} · {date}',
  'media.view.label': 'Show the conversation as',
  'media.view.timeline': 'Timeline',
  'media.view.media': 'Media',
  'media.fetching': 'Fetching the file…',
  'media.tooLargeToFetch': 'Too large to fetch ({name}, {size}): open it in Telegram',
  'media.tooLargeToFetch.unnamed': 'file',
  'media.unavailable': 'The file could not be fetched from Telegram',
  'media.linkFailed': 'The file could not be loaded: {message}',
} as const;

export type MediaMessageKey = keyof typeof mediaEn;
