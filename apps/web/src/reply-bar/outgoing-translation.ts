import type { DraftTranslation, TranslatedFrom, TranslationSettingsView } from '@parley/contracts';
import type { TranslationMessageKey } from '../i18n/translation-en';
import { MAX_MESSAGE_LENGTH, type ReplyDraft } from './reply-draft';

/**
 * The outgoing translation of the draft (B4): none (the draft is sent as written), being
 * translated, or ready: the translation the manager may edit, with its own message id (editing it
 * makes another message, as editing the draft does), and the draft it was made from.
 */
export type OutgoingPreview =
  | { readonly status: 'none' }
  | { readonly status: 'translating'; readonly original: string }
  | {
      readonly status: 'ready';
      readonly original: string;
      readonly from: string;
      readonly to: string;
      readonly text: string;
      readonly messageId: string;
    };

export const NO_PREVIEW: OutgoingPreview = { status: 'none' };

export const previewFromAnswer = (
  original: string,
  answer: DraftTranslation,
  newId: () => string,
): OutgoingPreview => ({
  status: 'ready',
  original,
  from: answer.from,
  to: answer.to,
  text: answer.text,
  messageId: newId(),
});

/** The manager edits the translation: another text is another message. */
export const editPreview = (
  preview: OutgoingPreview,
  text: string,
  newId: () => string,
): OutgoingPreview =>
  preview.status !== 'ready' || preview.text === text
    ? preview
    : { ...preview, text, messageId: newId() };

/** The draft changed after it was translated: the translation no longer says what it says. */
export const isStale = (preview: OutgoingPreview, draft: ReplyDraft): boolean =>
  preview.status === 'ready' && preview.original !== draft.text;

/**
 * What Send sends: the draft as written (`plain`), or the translation with the draft as
 * `translatedFrom`; nothing while it is being translated, when the draft changed since
 * (`stale`: translate again or discard), or when the translation is blank or too long.
 */
export type SendPlan =
  | { readonly kind: 'plain' }
  | {
      readonly kind: 'translated';
      readonly text: string;
      readonly messageId: string;
      readonly translatedFrom: TranslatedFrom;
    }
  | { readonly kind: 'blocked'; readonly why: 'translating' | 'stale' | 'invalid' };

export const sendPlan = (draft: ReplyDraft, preview: OutgoingPreview): SendPlan => {
  switch (preview.status) {
    case 'none':
      return { kind: 'plain' };
    case 'translating':
      return { kind: 'blocked', why: 'translating' };
    case 'ready':
      if (isStale(preview, draft)) return { kind: 'blocked', why: 'stale' };
      if (preview.text.trim() === '' || preview.text.length > MAX_MESSAGE_LENGTH) {
        return { kind: 'blocked', why: 'invalid' };
      }
      return {
        kind: 'translated',
        text: preview.text,
        messageId: preview.messageId,
        translatedFrom: { text: preview.original, language: preview.from },
      };
    default: {
      const _exhaustive: never = preview;
      return _exhaustive;
    }
  }
};

/**
 * Whether Translate can be pressed, and its title: translation needs a provider (else the title
 * says where an admin turns it on), a text draft, and no file (captions go as written).
 */
export const translateAvailability = (
  settings: TranslationSettingsView | undefined,
  draft: ReplyDraft,
  hasAttachment: boolean,
): { readonly enabled: boolean; readonly titleKey: TranslationMessageKey } => {
  if (settings !== undefined && settings.provider === null) {
    return { enabled: false, titleKey: 'reply.translate.off' };
  }
  if (hasAttachment) return { enabled: false, titleKey: 'reply.translate.withFile' };
  return {
    enabled:
      settings !== undefined && draft.text.trim() !== '' && draft.text.length <= MAX_MESSAGE_LENGTH,
    titleKey: 'reply.translate.title',
  };
};
