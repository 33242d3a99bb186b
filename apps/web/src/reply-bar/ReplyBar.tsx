import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import type {
  AttachmentKind,
  RenderedTemplate,
  TranslatedFrom,
  UploadedAttachment,
} from '@parley/contracts';
import type { UploadAttachment } from '../api/attachment-upload';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { MicrophoneIcon, PaperclipIcon, SendIcon } from '../icons/Icon';
import { formatDuration } from '../timeline/media-facts';
import { AssistTools } from './AssistTools';
import { AttachmentChip } from './AttachmentChip';
import { isStale, sendPlan } from './outgoing-translation';
import { attachmentKindFor, attachmentSizeProblem, CAPTION_MAX_LENGTH } from './attachment-rules';
import { QUICK_COMMANDS_ID, QuickCommands, quickCommandOptionId } from './QuickCommands';
import {
  attachmentAfterChoosing,
  clampIndex,
  filterQuickCommands,
  quickCommandKey,
  quickCommandQuery,
} from './quick-commands';
import {
  canSendWith,
  editDraft,
  emptyDraft,
  isSendKeystroke,
  MAX_MESSAGE_LENGTH,
} from './reply-draft';
import { TranslationPreview } from './TranslationPreview';
import { useAttachmentUpload } from './use-attachment-upload';
import { useChatTemplates } from './use-chat-templates';
import { useReplyAssist, type ReplyAssist } from './use-reply-assist';
import { useVoiceRecorder } from './use-voice-recorder';
import { describeMicrophoneError, VOICE_FILE_NAME } from './voice-recording';
import './reply-bar.css';

const newMessageId = (): string => crypto.randomUUID();

/**
 * The bottom of the centre column (B1, B6, B8): write, send with Enter or the button, mark
 * read; attach a photo, video or document (uploaded at once, sent with the text as its
 * caption), or record a voice message (uploaded and sent when the recording stops). A draft of
 * `/` or `/word` alone opens the quick commands (B3): choosing a template puts its text, rendered
 * for the client, in the draft to edit and send, and its file, if it has one (issue 13), in the
 * attachment chip, removable, sent with the text as its caption. `onSend` resolves when the gateway accepted the message and rejects with its reason.
 * With `assist` (issue 12): Translate shows the draft in the client's language under it, to edit,
 * and Send sends that with the draft as `translatedFrom` (B4); AI reply fills the draft (B5);
 * Summarise asks for an AI summary on the timeline (B7).
 */
export function ReplyBar(props: {
  conversationId: string;
  /** The client blocked the bot: sending is disabled, with the reason (the gateway refuses too). */
  clientBlockedBot?: boolean;
  /**
   * `attachment`: an uploaded file, sent with `text` as its caption ('' for none); with
   * `templateId` it is that template's file (issue 13), which the message names instead. With
   * `translatedFrom`, `text` is its translation for the client (B4).
   */
  onSend: (
    text: string,
    messageId: string,
    attachment?: UploadedAttachment,
    templateId?: string,
    translatedFrom?: TranslatedFrom,
  ) => Promise<void>;
  /** Uploads a file to send, with its progress (the api's uploadAttachment). */
  onUpload: UploadAttachment;
  onMarkRead: () => Promise<void>;
  /** The chat's reply templates rendered for its client (the api's chatTemplates). */
  loadTemplates: (conversationId: string) => Promise<readonly RenderedTemplate[]>;
  /** An admin: an empty template list says where to add templates. */
  canManageTemplates?: boolean;
  /** Translation and the AI assistant (issue 12); without it, no such buttons. */
  assist?: ReplyAssist;
}) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState(() => emptyDraft(newMessageId));
  const [sending, setSending] = useState(false);
  const [markingRead, setMarkingRead] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const { conversationId, onUpload, loadTemplates } = props;
  const upload = useAttachmentUpload((kind, file, name, onProgress, signal) =>
    onUpload(conversationId, kind, file, name, onProgress, signal),
  );
  const recorder = useVoiceRecorder();
  const { attachment } = upload;
  const assist = useReplyAssist(props.assist, draft, setDraft, newMessageId, setError);
  const plan = sendPlan(draft, assist.preview);

  const blocked = props.clientBlockedBot === true;
  const recording = recorder.phase === 'recording';
  /** Asking for the microphone, or recording: nothing else is sent meanwhile. */
  const microphoneBusy = recorder.phase !== 'idle';
  // A template's file needs no upload: it is as ready as an uploaded one.
  const sendable =
    plan.kind === 'translated' ||
    (plan.kind === 'plain' &&
      canSendWith(
        draft,
        attachment?.status === 'template' ? 'ready' : (attachment?.status ?? 'none'),
        CAPTION_MAX_LENGTH,
      ));

  // Quick commands: open while the draft is `/` or `/word`, until Escape or a choice.
  const commandQuery = quickCommandQuery(draft.text);
  const [commandsDismissed, setCommandsDismissed] = useState(false);
  const [activeCommand, setActiveCommand] = useState(0);
  const isCommand = commandQuery !== null;
  useEffect(() => {
    if (!isCommand) setCommandsDismissed(false);
  }, [isCommand]);
  const commandsOpen = isCommand && !commandsDismissed && !blocked;
  const chatTemplates = useChatTemplates(commandsOpen, () => loadTemplates(conversationId));
  const commandMatches =
    commandsOpen && chatTemplates.templates.status === 'ready'
      ? filterQuickCommands(chatTemplates.templates.templates, commandQuery ?? '')
      : [];
  const highlighted = clampIndex(activeCommand, commandMatches.length);

  /**
   * The template's rendered text replaces the draft: the manager edits it, then sends; its file
   * (issue 13) becomes the reply's (attachmentAfterChoosing).
   */
  const chooseTemplate = (template: RenderedTemplate) => {
    setDraft((current) => editDraft(current, template.rendered, newMessageId));
    const next = attachmentAfterChoosing(template, attachment);
    if (next === null) upload.clear();
    else if (next !== attachment) upload.show(next);
    setCommandsDismissed(true);
    setActiveCommand(0);
    input.current?.focus();
  };

  /** Uploads a file; null (with the reason shown) when it failed or was removed meanwhile. */
  const uploadFile = async (
    file: Blob,
    kind: AttachmentKind,
    name: string,
  ): Promise<UploadedAttachment | null> => {
    setError(null);
    const tooLarge = attachmentSizeProblem({ name, size: file.size }, t, language);
    if (tooLarge) {
      setError(tooLarge);
      return null;
    }
    try {
      return await upload.start(file, kind, name);
    } catch (failure) {
      setError(describeError(failure, t));
      return null;
    }
  };

  const send = async () => {
    if (blocked || sending || microphoneBusy || !sendable) return;
    const file =
      attachment?.status === 'ready' || attachment?.status === 'template'
        ? attachment.uploaded
        : undefined;
    const templateId = attachment?.status === 'template' ? attachment.templateId : undefined;
    setSending(true);
    setError(null);
    try {
      if (plan.kind === 'translated') {
        await props.onSend(plan.text, plan.messageId, undefined, undefined, plan.translatedFrom);
      } else {
        await props.onSend(draft.text, draft.messageId, file, templateId);
      }
      setDraft(emptyDraft(newMessageId));
      assist.reset();
      if (file) upload.clear();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setSending(false);
    }
  };

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again is a change too.
    event.target.value = '';
    if (!file) return;
    const uploaded = await uploadFile(file, attachmentKindFor(file), file.name);
    // Another file is another message: the draft's id must not send the earlier one's.
    if (uploaded) setDraft((current) => ({ ...current, messageId: newMessageId() }));
  };

  const startRecording = async () => {
    setError(null);
    try {
      await recorder.start();
    } catch (failure) {
      setError(describeMicrophoneError(failure, t));
    }
  };

  const stopAndSend = async () => {
    const voice = await recorder.stop();
    if (voice === null) return;
    if (voice.size === 0) {
      setError(t('reply.recordVoice.empty'));
      return;
    }
    const uploaded = await uploadFile(voice, 'voice', VOICE_FILE_NAME);
    if (!uploaded) return;
    setSending(true);
    try {
      await props.onSend('', newMessageId(), uploaded);
      upload.clear();
    } catch (failure) {
      // The chip stays: Send sends the recording again.
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
    if (commandsOpen) {
      const action = quickCommandKey(
        {
          key: event.key,
          shiftKey: event.shiftKey,
          isComposing: event.nativeEvent.isComposing,
        },
        highlighted,
        commandMatches.length,
      );
      switch (action.type) {
        case 'move':
          event.preventDefault();
          setActiveCommand(action.index);
          return;
        case 'choose': {
          event.preventDefault();
          const chosen = commandMatches[action.index];
          if (chosen) chooseTemplate(chosen);
          return;
        }
        case 'close':
          event.preventDefault();
          setCommandsDismissed(true);
          return;
        case 'swallow':
          // Enter while the popup is open never sends.
          event.preventDefault();
          return;
        case 'none':
          break;
      }
    }
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
      {attachment && (
        <AttachmentChip
          attachment={attachment}
          disabled={sending}
          onRemove={() => {
            upload.clear();
            setError(null);
          }}
        />
      )}
      <div className="reply-bar__row">
        <div className="reply-bar__tools">
          <input
            ref={fileInput}
            type="file"
            className="reply-bar__file-input"
            data-testid="attach-input"
            hidden
            tabIndex={-1}
            disabled={blocked}
            onChange={(event) => void onFileChosen(event)}
          />
          <button
            type="button"
            className="button button--ghost reply-bar__tool"
            data-testid="attach-button"
            title={t('reply.attach.title')}
            disabled={blocked || sending || microphoneBusy || assist.preview.status !== 'none'}
            onClick={() => fileInput.current?.click()}
          >
            <PaperclipIcon />
            {t('reply.attach')}
          </button>
          <button
            type="button"
            className="button button--ghost reply-bar__tool"
            data-testid="record-voice"
            data-state={recording ? 'recording' : 'idle'}
            disabled={
              blocked ||
              sending ||
              recorder.phase === 'starting' ||
              (!recording && attachment !== null)
            }
            onClick={() => void (recording ? stopAndSend() : startRecording())}
          >
            <MicrophoneIcon />
            {recording ? t('reply.recordVoice.stop') : t('reply.recordVoice')}
          </button>
          {recording && (
            <div className="reply-bar__recording" role="status">
              <span className="reply-bar__recording-dot" aria-hidden="true" />
              <time
                className="reply-bar__recording-time"
                data-testid="recording-time"
                aria-label={t('reply.recordVoice.time')}
              >
                {formatDuration(recorder.elapsedSeconds)}
              </time>
              <button
                type="button"
                className="link-button"
                data-testid="recording-cancel"
                onClick={recorder.cancel}
              >
                {t('reply.recordVoice.cancel')}
              </button>
            </div>
          )}
        </div>
        <div className="reply-bar__compose">
          {commandsOpen && (
            <QuickCommands
              templates={chatTemplates.templates}
              matches={commandMatches}
              query={commandQuery ?? ''}
              active={highlighted}
              canManageTemplates={props.canManageTemplates === true}
              onHighlight={setActiveCommand}
              onChoose={chooseTemplate}
              onRetry={chatTemplates.retry}
            />
          )}
          <textarea
            ref={input}
            className="reply-bar__input"
            data-testid="reply-input"
            aria-label={t('reply.label')}
            aria-controls={
              commandsOpen && commandMatches.length > 0 ? QUICK_COMMANDS_ID : undefined
            }
            aria-activedescendant={
              commandsOpen && commandMatches.length > 0
                ? quickCommandOptionId(highlighted)
                : undefined
            }
            placeholder={attachment ? t('reply.captionPlaceholder') : t('reply.placeholder')}
            rows={2}
            maxLength={attachment ? CAPTION_MAX_LENGTH : MAX_MESSAGE_LENGTH}
            disabled={blocked}
            value={draft.text}
            onChange={(event) => {
              const text = event.target.value;
              setDraft((current) => editDraft(current, text, newMessageId));
              setActiveCommand(0);
            }}
            onKeyDown={onKeyDown}
          />
          <TranslationPreview
            preview={assist.preview}
            stale={isStale(assist.preview, draft)}
            disabled={blocked || sending}
            onEdit={assist.editPreview}
            onDiscard={assist.discardPreview}
          />
        </div>
        <div className="reply-bar__actions">
          <button
            type="submit"
            className="button button--primary"
            data-testid="reply-send"
            disabled={blocked || sending || microphoneBusy || !sendable}
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
      {props.assist && (
        <AssistTools
          assist={props.assist}
          state={assist}
          draft={draft}
          hasAttachment={attachment !== null}
          disabled={blocked || sending || microphoneBusy}
        />
      )}
    </form>
  );
}
