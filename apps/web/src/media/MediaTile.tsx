import { useEffect, useRef, useState } from 'react';
import type { MediaItem } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../i18n/format-time';
import { downloadUrl, formatFileSize } from './media-grid';
import './media.css';

/**
 * One stored file, in the Media tab and on the timeline (a client message's fetched file), played or shown from its signed URL (the browser loads it with no
 * Authorization header; the gateway checks the signature): a photo opens full size, voice and
 * audio play, a video or video note plays, a document downloads under its sanitised name.
 * Animations loop silently and stickers show as pictures, for views other than the tab.
 * `onBroken`: the file did not load (its link may have expired): the tab asks for fresh links.
 */
export function MediaTile(props: { item: MediaItem; onBroken?: () => void }) {
  const { item, onBroken } = props;
  const { t, language } = useI18n();
  const details = t('media.fileDetails', {
    size: formatFileSize(item.size, language),
    date: formatDateTime(item.createdAt, language),
  });

  switch (item.kind) {
    case 'photo':
    case 'sticker':
      return <PhotoTile item={item} details={details} onBroken={onBroken} />;
    case 'animation':
      return (
        <figure className="media-tile media-tile--video" data-testid="media-tile">
          <video
            className="media-tile__video"
            src={item.url}
            autoPlay
            loop
            muted
            playsInline
            aria-label={item.fileName}
            onError={onBroken}
          />
          <figcaption className="media-tile__caption muted">{details}</figcaption>
        </figure>
      );
    case 'video':
    case 'video_note':
      return (
        <figure
          className={`media-tile media-tile--${item.kind === 'video' ? 'video' : 'video-note'}`}
          data-testid="media-tile"
        >
          <video
            className="media-tile__video"
            src={item.url}
            controls
            preload="metadata"
            playsInline
            aria-label={item.fileName}
            onError={onBroken}
          />
          <figcaption className="media-tile__caption muted">{details}</figcaption>
        </figure>
      );
    case 'voice':
    case 'audio':
      return (
        <figure className="media-tile media-tile--audio" data-testid="media-tile">
          <audio
            className="media-tile__audio"
            src={item.url}
            controls
            preload="none"
            aria-label={item.fileName}
            onError={onBroken}
          />
          <figcaption className="media-tile__caption muted">
            {item.kind === 'audio' && <span className="media-tile__name">{item.fileName} </span>}
            {details}
          </figcaption>
        </figure>
      );
    case 'document':
      return (
        <figure className="media-tile media-tile--document" data-testid="media-tile">
          <a
            className="media-tile__download"
            href={downloadUrl(item.url)}
            download={item.fileName}
            aria-label={t('media.download', { name: item.fileName })}
          >
            <span className="media-tile__file-icon" aria-hidden="true">
              ⤓
            </span>
            <span className="media-tile__name">{item.fileName}</span>
          </a>
          <figcaption className="media-tile__caption muted">{details}</figcaption>
        </figure>
      );
    default: {
      const _exhaustive: never = item.kind;
      return _exhaustive;
    }
  }
}

/** A photo's thumbnail; a click opens it full size above the page, Escape or a click closes. */
function PhotoTile(props: { item: MediaItem; details: string; onBroken?: () => void }) {
  const { item } = props;
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <figure className="media-tile media-tile--photo" data-testid="media-tile">
      <button
        type="button"
        className="media-tile__thumb"
        onClick={() => setOpen(true)}
        aria-label={t('media.open', { name: item.fileName })}
      >
        <img src={item.url} alt={item.fileName} loading="lazy" onError={props.onBroken} />
      </button>
      <figcaption className="media-tile__caption muted">{props.details}</figcaption>
      {open && (
        <div
          className="media-viewer"
          role="dialog"
          aria-modal="true"
          aria-label={item.fileName}
          onClick={() => setOpen(false)}
        >
          <img className="media-viewer__image" src={item.url} alt={item.fileName} />
          <button
            ref={closeButton}
            type="button"
            className="media-viewer__close"
            onClick={() => setOpen(false)}
          >
            {t('media.close')}
          </button>
        </div>
      )}
    </figure>
  );
}
