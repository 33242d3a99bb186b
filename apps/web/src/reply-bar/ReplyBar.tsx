import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { SendIcon } from '../icons/Icon';
import { canSend, editDraft, emptyDraft, isSendKeystroke, MAX_MESSAGE_LENGTH } from './reply-draft';
import './reply-bar.css';

const newMessageId = (): string => crypto.randomUUID();

/**
 * The bottom of the centre column (B1, B6): write, send with Enter or the button, mark read.
 * `onSend` resolves when the gateway accepted the message and rejects with its reason.
 */
export function ReplyBar(props: {
  conversationId: string;
  /** The client blocked the bot: sending is disabled, with the reason (the gateway refuses too). */
  clientBlockedBot?: boolean;
  onSend: (text: string, messageId: string) => Promise<void>;
  onMarkRead: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => emptyDraft(newMessageId));
  const [sending, setSending] = useState(false);
  const [markingRead, setMarkingRead] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const blocked = props.clientBlockedBot === true;

  const send = async () => {
    if (blocked || sending || !canSend(draft)) return;
    setSending(true);
    setError(null);
    try {
      await props.onSend(draft.text, draft.messageId);
      setDraft(emptyDraft(newMessageId));
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setSending(false);
    }
  };

  const markRead = async () => {
    setMarkingRead(true);
    setError(null);
    try {
      await props.onMarkRead();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setMarkingRead(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (
      isSendKeystroke({
        key: event.key,
        shiftKey: event.shiftKey,
        isComposing: event.nativeEvent.isComposing,
      })
    ) {
      event.preventDefault();
      void send();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form className="reply-bar" onSubmit={onSubmit} data-blocked={blocked ? 'true' : undefined}>
      {blocked && (
        <p className="reply-bar__blocked" role="status" data-testid="reply-blocked">
          {t('reply.blockedBot')}
        </p>
      )}
      {error && (
        <p className="reply-bar__error" role="alert" data-testid="reply-error">
          {error}
        </p>
      )}
      <div className="reply-bar__row">
        <textarea
          className="reply-bar__input"
          data-testid="reply-input"
          aria-label={t('reply.label')}
          placeholder={t('reply.placeholder')}
          rows={2}
          maxLength={MAX_MESSAGE_LENGTH}
          disabled={blocked}
          value={draft.text}
          onChange={(event) =>
            setDraft((current) => editDraft(current, event.target.value, newMessageId))
          }
          onKeyDown={onKeyDown}
        />
        <div className="reply-bar__actions">
          <button
            type="submit"
            className="button button--primary"
            data-testid="reply-send"
            disabled={blocked || sending || !canSend(draft)}
            title={blocked ? t('reply.blockedBot') : undefined}
          >
            <SendIcon />
            {sending ? t('reply.sending') : t('reply.send')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            data-testid="mark-read"
            disabled={markingRead}
            onClick={() => void markRead()}
          >
            {t('reply.markRead')}
          </button>
        </div>
      </div>
    </form>
  );
}
