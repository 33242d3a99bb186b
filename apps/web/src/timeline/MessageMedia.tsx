import type { MediaContent, StickerContent, TimelineMedia } from '@parley/contracts';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { MediaTile } from '../media/MediaTile';
import { useMediaLink } from '../media/media-links';
import { mediaFacts, mediaFailureText, mediaItemOfMessage } from './media-facts';

/**
 * A client's file on the timeline. Once the channel fetched it into the media store (`media`
 * `fetched`), the media tile shows it, played or shown from a signed link (the same tile as the
 * Media tab's); before that, or when it could not be fetched ("too large to fetch (name, size)",
 * unavailable), what Telegram told about it: kind, name, size, duration.
 */
export function MessageMedia(props: {
  content: MediaContent | StickerContent;
  /** The message's file as the timeline knows it; absent for an earlier version of a message. */
  file?: MessageFile;
}) {
  const { content, file } = props;
  const media = file?.media;
  return (
    <div
      className="message-media"
      data-testid="message-media"
      data-kind={content.kind}
      data-media-status={file === undefined ? undefined : (media?.status ?? 'fetching')}
      data-file-unique-id={content.file.fileUniqueId}
    >
      {file !== undefined && media?.status === 'fetched' && showable(content) ? (
        <StoredMedia
          content={content}
          media={media}
          conversationId={file.conversationId}
          at={file.at}
        />
      ) : (
        <MediaPlaceholder
          content={content}
          note={
            file === undefined || media?.status === 'fetched'
              ? 'none'
              : media?.status === 'failed'
                ? { failure: media }
                : 'fetching'
          }
        />
      )}
    </div>
  );
}

/** Animated (TGS) and video (WebM) stickers are not pictures an <img> shows: their facts only. */
const showable = (content: MediaContent | StickerContent): boolean =>
  content.kind !== 'sticker' || content.stickerFormat === 'static';

/** Where a timeline message's file stands, and what its tile needs besides the content. */
export interface MessageFile {
  readonly media: TimelineMedia | undefined;
  readonly conversationId: string;
  /** The message's time: the tile's date. */
  readonly at: string;
}

function StoredMedia(props: {
  content: MediaContent | StickerContent;
  media: Extract<TimelineMedia, { status: 'fetched' }>;
  conversationId: string;
  at: string;
}) {
  const { t } = useI18n();
  const { link, error, renew } = useMediaLink(props.media.mediaId);
  if (link === null) {
    return (
      <MediaPlaceholder
        content={props.content}
        note={error === undefined ? 'fetching' : { error: describeError(error, t) }}
      />
    );
  }
  return (
    <MediaTile
      item={mediaItemOfMessage(
        { conversationId: props.conversationId, at: props.at, content: props.content },
        props.media,
        link,
        t,
      )}
      onBroken={renew}
    />
  );
}

/** What Telegram told about the file, and why it is not shown (yet). */
function MediaPlaceholder(props: {
  content: MediaContent | StickerContent;
  note:
    | 'none'
    | 'fetching'
    | { failure: Extract<TimelineMedia, { status: 'failed' }> }
    | { error: string };
}) {
  const { t, language } = useI18n();
  const { label, details } = mediaFacts(props.content, t, language);
  const { note } = props;
  return (
    <div className={`media-placeholder media-placeholder--${props.content.kind}`}>
      <span className="media-placeholder__kind">{label}</span>
      {details.length > 0 && (
        <span className="media-placeholder__details">{details.join(' · ')}</span>
      )}
      {note !== 'none' && (
        <span
          className={`media-placeholder__note${note === 'fetching' ? ' muted' : ' media-placeholder__note--failed'}`}
          data-testid="media-note"
        >
          {note === 'fetching'
            ? t('media.fetching')
            : 'failure' in note
              ? mediaFailureText(props.content, note.failure, t, language)
              : t('media.linkFailed', { message: note.error })}
        </span>
      )}
    </div>
  );
}
