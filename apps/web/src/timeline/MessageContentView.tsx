import type { MessageContent } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { FormattedText } from './FormattedText';
import { MessageMedia, type MessageFile } from './MessageMedia';
import { safeHref } from './text-entities';

const mapLink = (latitude: number, longitude: number): string | null =>
  safeHref(
    `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`,
  );

/**
 * What a message carries, each kind as it reads best; formatting as text, never as HTML. `file`:
 * where the message's file stands (the timeline's message; absent for an earlier version).
 */
export function MessageContentView(props: { content: MessageContent; file?: MessageFile }) {
  const { content, file } = props;
  const { t } = useI18n();
  switch (content.kind) {
    case 'text':
      return <FormattedText text={content.text} entities={content.entities} />;
    case 'photo':
    case 'video':
    case 'video_note':
    case 'voice':
    case 'audio':
    case 'document':
    case 'animation':
      return (
        <>
          <MessageMedia content={content} file={file} />
          {content.caption !== null && (
            <FormattedText text={content.caption} entities={content.captionEntities} />
          )}
        </>
      );
    case 'sticker':
      return <MessageMedia content={content} file={file} />;
    case 'location':
    case 'venue': {
      const href = mapLink(content.latitude, content.longitude);
      return (
        <div className="bubble__place" data-testid="place" data-kind={content.kind}>
          <strong>
            {content.kind === 'venue'
              ? content.title
              : content.livePeriod !== null
                ? t('content.location.live')
                : t('content.kind.location')}
          </strong>
          {content.kind === 'venue' && <span>{content.address}</span>}
          <span className="muted">
            {content.latitude.toFixed(5)}, {content.longitude.toFixed(5)}
          </span>
          {href && (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {t('content.location.open')}
            </a>
          )}
        </div>
      );
    }
    case 'contact':
      return (
        <div className="bubble__contact" data-testid="contact">
          <strong>{t('content.kind.contact')}</strong>
          <span>{[content.firstName, content.lastName].filter(Boolean).join(' ')}</span>
          <span>{content.phoneNumber}</span>
          {content.userId !== null && (
            <span className="muted">{t('content.contact.telegram')}</span>
          )}
        </div>
      );
    case 'poll':
      return (
        <div className="bubble__poll" data-testid="poll">
          <strong>
            {content.pollType === 'quiz' ? t('content.poll.quiz') : t('content.kind.poll')}:{' '}
            {content.question}
          </strong>
          <ul>
            {content.options.map((option, i) => (
              <li key={i}>{option}</li>
            ))}
          </ul>
        </div>
      );
    case 'dice':
      return (
        <p className="bubble__text" data-testid="dice">
          <span className="bubble__dice">{content.emoji}</span>{' '}
          {t('content.dice.value', { value: String(content.value) })}
        </p>
      );
    case 'unsupported':
      // Any other kind: say what came, keep the caption.
      return (
        <>
          <p
            className="bubble__unsupported"
            data-testid="unsupported-message"
            data-unsupported-kind={content.unsupportedKind}
          >
            {t('message.unsupported', { kind: content.unsupportedKind })}
          </p>
          {content.caption !== null && <p className="bubble__text">{content.caption}</p>}
        </>
      );
    default: {
      const _exhaustive: never = content;
      return _exhaustive;
    }
  }
}
