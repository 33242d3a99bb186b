import { CONTENT_KIND_LABELS } from '@parley/contracts';
import { en } from '../i18n/en';
import { translatorFor } from '../i18n/translate';
import { lastMessagePreviewText } from './last-message-preview';

const at = '2026-11-25T10:00:00.000Z';

describe('chat list: last message preview', () => {
  it('given a text message, then its preview as written', () => {
    const t = translatorFor('ru');
    expect(lastMessagePreviewText({ direction: 'in', kind: 'text', preview: 'Hi', at }, t)).toBe(
      'Hi',
    );
  });

  it('given an unsupported message, then "Unsupported message (kind)" in the manager’s language, caption after it', () => {
    const photo = {
      direction: 'in',
      kind: 'unsupported',
      preview: 'Unsupported message (photo): my receipt',
      at,
    } as const;
    expect(lastMessagePreviewText(photo, translatorFor('en'))).toBe(
      'Unsupported message (photo): my receipt',
    );
    expect(lastMessagePreviewText(photo, translatorFor('ru'))).toBe(
      'Неподдерживаемое сообщение (photo): my receipt',
    );
    const voice = { ...photo, preview: 'Unsupported message (voice)' };
    expect(lastMessagePreviewText(voice, translatorFor('ru'))).toBe(
      'Неподдерживаемое сообщение (voice)',
    );
  });

  it('given an unsupported preview in a shape it does not know, then the preview as written', () => {
    const odd = { direction: 'in', kind: 'unsupported', preview: 'Something else', at } as const;
    expect(lastMessagePreviewText(odd, translatorFor('ru'))).toBe('Something else');
  });

  it.each([
    ['voice', 'Voice message 0:12', 'Голосовое сообщение 0:12'],
    ['photo', 'Photo: my receipt', 'Фото: my receipt'],
    ['location', 'Location', 'Геопозиция'],
    ['document', 'Document: contract.pdf', 'Документ: contract.pdf'],
  ] as const)(
    'given a %s, then its kind in the manager’s language, the rest as written',
    (kind, preview, ru) => {
      const last = { direction: 'in', kind, preview, at } as const;
      expect(lastMessagePreviewText(last, translatorFor('en'))).toBe(preview);
      expect(lastMessagePreviewText(last, translatorFor('ru'))).toBe(ru);
    },
  );

  it('the English names of the kinds are the ones the projector writes previews with', () => {
    for (const [kind, label] of Object.entries(CONTENT_KIND_LABELS)) {
      expect([kind, en[`content.kind.${kind}` as keyof typeof en]]).toEqual([kind, label]);
    }
  });
});
