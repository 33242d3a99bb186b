import type { TranslationSettingsView } from '@parley/contracts';
import {
  editPreview,
  isStale,
  NO_PREVIEW,
  previewFromAnswer,
  sendPlan,
  translateAvailability,
  type OutgoingPreview,
} from './outgoing-translation';
import type { ReplyDraft } from './reply-draft';

const ids = (...values: string[]) => {
  const queue = [...values];
  return () => queue.shift() ?? 'no-more-ids';
};
const draft = (text: string): ReplyDraft => ({ text, messageId: 'd1' });
const answer = {
  text: '¿Cuánto cuesta?',
  from: 'en',
  to: 'es',
  provider: 'libretranslate' as const,
};
const settings = (provider: TranslationSettingsView['provider']): TranslationSettingsView => ({
  provider,
  teamLanguage: 'en',
  assistant: { configured: false, model: null },
});

describe('the outgoing translation of a draft (B4)', () => {
  it('given no preview, then Send sends the draft as written', () => {
    expect(sendPlan(draft('How much?'), NO_PREVIEW)).toEqual({ kind: 'plain' });
  });

  it('given a preview, then Send sends the translation with the draft as translatedFrom', () => {
    const preview = previewFromAnswer('How much?', answer, ids('p1'));
    expect(sendPlan(draft('How much?'), preview)).toEqual({
      kind: 'translated',
      text: '¿Cuánto cuesta?',
      messageId: 'p1',
      translatedFrom: { text: 'How much?', language: 'en' },
    });
  });

  it('given the manager edits the translation, then the edit is sent, as another message', () => {
    const preview = previewFromAnswer('How much?', answer, ids('p1', 'p2'));
    const edited = editPreview(preview, '¿Cuánto cuesta, amigo?', ids('p2'));
    expect(sendPlan(draft('How much?'), edited)).toMatchObject({
      kind: 'translated',
      text: '¿Cuánto cuesta, amigo?',
      messageId: 'p2',
    });
    expect(editPreview(edited, '¿Cuánto cuesta, amigo?', ids('p3'))).toBe(edited);
  });

  it('given the draft changed after it was translated, then nothing is sent until translated again', () => {
    const preview = previewFromAnswer('How much?', answer, ids('p1'));
    expect(isStale(preview, draft('How much is it?'))).toBe(true);
    expect(sendPlan(draft('How much is it?'), preview)).toEqual({ kind: 'blocked', why: 'stale' });
  });

  it('given a translation under way, or a blank one, then nothing is sent', () => {
    const translating: OutgoingPreview = { status: 'translating', original: 'Hi' };
    expect(sendPlan(draft('Hi'), translating)).toEqual({ kind: 'blocked', why: 'translating' });
    const blank = editPreview(previewFromAnswer('Hi', answer, ids('p1')), '  ', ids('p2'));
    expect(sendPlan(draft('Hi'), blank)).toEqual({ kind: 'blocked', why: 'invalid' });
  });

  it('given no provider, then Translate is off and says where an admin turns it on', () => {
    expect(translateAvailability(settings(null), draft('Hi'), false)).toEqual({
      enabled: false,
      titleKey: 'reply.translate.off',
    });
  });

  it('given a provider and a text draft, then Translate is on; not for a file or an empty draft', () => {
    expect(translateAvailability(settings('google'), draft('Hi'), false)).toEqual({
      enabled: true,
      titleKey: 'reply.translate.title',
    });
    expect(translateAvailability(settings('google'), draft('  '), false).enabled).toBe(false);
    expect(translateAvailability(settings('google'), draft('Hi'), true)).toEqual({
      enabled: false,
      titleKey: 'reply.translate.withFile',
    });
    expect(translateAvailability(undefined, draft('Hi'), false).enabled).toBe(false);
  });
});
