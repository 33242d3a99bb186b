import { useState } from 'react';
import type { DraftTranslation, ReplyAdvice, TranslationSettingsView } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { draftFailureText } from '../translation/draft-failure';
import {
  editPreview,
  NO_PREVIEW,
  previewFromAnswer,
  type OutgoingPreview,
} from './outgoing-translation';
import { editDraft, type ReplyDraft } from './reply-draft';

/** What the reply bar may ask of translation and the AI assistant (issue 12: B4, B5, B7). */
export interface ReplyAssist {
  /** The workspace's settings; undefined until loaded (Translate waits for them). */
  readonly settings: TranslationSettingsView | undefined;
  /** The draft in the client's language (B4); rejects with the reason. */
  readonly previewTranslation: (text: string) => Promise<DraftTranslation>;
  /** An AI reply draft in `language` (B5). */
  readonly replyAdvice: (language: string) => Promise<ReplyAdvice>;
  /** Asks for an AI summary (B7): it arrives on the timeline. */
  readonly score: (language: string) => Promise<void>;
}

/** What the bar says after an assist: the AI draft's model (Demo or not), or a summary asked. */
export type AssistNote =
  | { readonly kind: 'advice'; readonly model: string; readonly demo: boolean }
  | { readonly kind: 'score-requested' };

export type AssistRequest = 'translate' | 'advice' | 'score';

/**
 * The reply bar's Translate, AI reply and Summarise: one request at a time; a refusal is told in
 * plain words through `onError`. AI reply puts its draft in the input to edit (never sends) and
 * drops a translation of the earlier draft.
 */
export function useReplyAssist(
  assist: ReplyAssist | undefined,
  draft: ReplyDraft,
  setDraft: (update: (current: ReplyDraft) => ReplyDraft) => void,
  newId: () => string,
  onError: (message: string | null) => void,
) {
  const { t, language } = useI18n();
  const [preview, setPreview] = useState<OutgoingPreview>(NO_PREVIEW);
  const [running, setRunning] = useState<AssistRequest | null>(null);
  const [note, setNote] = useState<AssistNote | null>(null);

  const run = async (request: AssistRequest, work: (api: ReplyAssist) => Promise<void>) => {
    if (!assist || running !== null) return;
    setRunning(request);
    onError(null);
    try {
      await work(assist);
    } catch (failure) {
      onError(draftFailureText(failure, t));
    } finally {
      setRunning(null);
    }
  };

  const translate = () =>
    run('translate', async (api) => {
      const original = draft.text;
      setPreview({ status: 'translating', original });
      try {
        const answer = await api.previewTranslation(original);
        setPreview(previewFromAnswer(original, answer, newId));
      } catch (failure) {
        setPreview(NO_PREVIEW);
        throw failure;
      }
    });

  const advise = () =>
    run('advice', async (api) => {
      const advice = await api.replyAdvice(language);
      setDraft((current) => editDraft(current, advice.text, newId));
      setPreview(NO_PREVIEW);
      setNote({ kind: 'advice', model: advice.model, demo: advice.demo });
    });

  const score = () =>
    run('score', async (api) => {
      await api.score(language);
      setNote({ kind: 'score-requested' });
    });

  return {
    preview,
    running,
    note,
    translate,
    advise,
    score,
    editPreview: (text: string) => setPreview((current) => editPreview(current, text, newId)),
    discardPreview: () => setPreview(NO_PREVIEW),
    /** After a send: back to plain sending, no note. */
    reset: () => {
      setPreview(NO_PREVIEW);
      setNote(null);
    },
  };
}

export type ReplyAssistState = ReturnType<typeof useReplyAssist>;
