import type { TimelineTranslation, TranslationFailureCode } from '@parley/contracts';

/**
 * What a message's bubble does with its translation (C2, B4):
 * - `translated`: a client message in another language; the translation shows first, the
 *   original one click away;
 * - `failed`: a client message that could not be translated; it shows as written, with why;
 * - `sent-translated`: a manager's message sent in translation; what the client got shows
 *   first, what the manager wrote one click away;
 * - `none`: nothing to add.
 */
export type MessageTranslationView =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'translated';
      readonly text: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'failed';
      readonly to: string;
      readonly reason: TranslationFailureCode;
      readonly retryable: boolean;
    }
  | { readonly kind: 'sent-translated'; readonly original: string; readonly language: string };

/**
 * The view of a timeline message's translation. A translation of a manager's message, or an
 * `original` on a client's, does not fit either direction's meaning and is left out.
 */
export const messageTranslationView = (
  direction: 'in' | 'out',
  translation: TimelineTranslation | undefined,
): MessageTranslationView => {
  if (translation === undefined) return { kind: 'none' };
  switch (translation.status) {
    case 'translated':
      return direction === 'in'
        ? { kind: 'translated', text: translation.text, from: translation.from, to: translation.to }
        : { kind: 'none' };
    case 'failed':
      return direction === 'in'
        ? {
            kind: 'failed',
            to: translation.to,
            reason: translation.reason,
            retryable: translation.retryable,
          }
        : { kind: 'none' };
    case 'original':
      return direction === 'out'
        ? { kind: 'sent-translated', original: translation.text, language: translation.language }
        : { kind: 'none' };
    default: {
      const _exhaustive: never = translation;
      return _exhaustive;
    }
  }
};

/**
 * The text the bubble shows instead of its content, or null for the content as it is: the
 * translation of a client message, unless the manager chose its original; what a manager wrote,
 * when they chose it over what was sent.
 */
export const replacedText = (view: MessageTranslationView, toggled: boolean): string | null => {
  switch (view.kind) {
    case 'translated':
      return toggled ? null : view.text;
    case 'sent-translated':
      return toggled ? view.original : null;
    case 'failed':
    case 'none':
      return null;
    default: {
      const _exhaustive: never = view;
      return _exhaustive;
    }
  }
};

/**
 * The small language badge: a client message's detected language (what they wrote in, whichever
 * text shows); for a manager's message sent in translation, the language they wrote in while
 * their own words show. Null: no badge.
 */
export const languageBadge = (
  view: MessageTranslationView,
  toggled: boolean,
  detected: string | undefined,
): string | null => {
  switch (view.kind) {
    case 'translated':
      return view.from;
    case 'sent-translated':
      return toggled ? view.language : null;
    case 'failed':
    case 'none':
      return detected ?? null;
    default: {
      const _exhaustive: never = view;
      return _exhaustive;
    }
  }
};
