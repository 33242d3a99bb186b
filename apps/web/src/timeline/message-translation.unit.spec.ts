import type { TimelineTranslation } from '@parley/contracts';
import { messageTranslationView, replacedText, languageBadge } from './message-translation';

const translated: TimelineTranslation = {
  status: 'translated',
  text: 'How much is it?',
  from: 'es',
  to: 'en',
};
const original: TimelineTranslation = { status: 'original', text: 'Hello there', language: 'en' };
const failed: TimelineTranslation = {
  status: 'failed',
  to: 'en',
  reason: 'quota_exceeded',
  retryable: true,
};

describe('a message’s translation on the timeline (C2, B4)', () => {
  it('given a translated client message, then the translation shows, the original on toggle', () => {
    const view = messageTranslationView('in', translated);
    expect(view).toEqual({ kind: 'translated', text: 'How much is it?', from: 'es', to: 'en' });
    expect(replacedText(view, false)).toBe('How much is it?');
    expect(replacedText(view, true)).toBeNull();
    expect(languageBadge(view, false, 'es')).toBe('es');
    expect(languageBadge(view, true, 'es')).toBe('es');
  });

  it('given a manager message sent in translation, then what was sent shows, their words on toggle', () => {
    const view = messageTranslationView('out', original);
    expect(view).toEqual({ kind: 'sent-translated', original: 'Hello there', language: 'en' });
    expect(replacedText(view, false)).toBeNull();
    expect(replacedText(view, true)).toBe('Hello there');
    expect(languageBadge(view, true, undefined)).toBe('en');
    expect(languageBadge(view, false, undefined)).toBeNull();
  });

  it('given a failed translation, then the message as written with the reason and retry', () => {
    const view = messageTranslationView('in', failed);
    expect(view).toEqual({ kind: 'failed', to: 'en', reason: 'quota_exceeded', retryable: true });
    expect(replacedText(view, false)).toBeNull();
    expect(replacedText(view, true)).toBeNull();
    expect(languageBadge(view, false, 'es')).toBe('es');
  });

  it('given no translation, then nothing changes but the detected language', () => {
    const view = messageTranslationView('in', undefined);
    expect(view).toEqual({ kind: 'none' });
    expect(replacedText(view, true)).toBeNull();
    expect(languageBadge(view, false, 'de')).toBe('de');
    expect(languageBadge(view, false, undefined)).toBeNull();
  });

  it('given a status that does not fit the direction, then it is left out', () => {
    expect(messageTranslationView('out', translated)).toEqual({ kind: 'none' });
    expect(messageTranslationView('out', failed)).toEqual({ kind: 'none' });
    expect(messageTranslationView('in', original)).toEqual({ kind: 'none' });
  });
});
