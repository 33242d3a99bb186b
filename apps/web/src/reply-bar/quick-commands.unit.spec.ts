import type { UploadedAttachment } from '@parley/contracts';
import {
  attachmentAfterChoosing,
  clampIndex,
  filterQuickCommands,
  quickCommandKey,
  quickCommandQuery,
} from './quick-commands';

const template = (shortcode: string, name: string) => ({
  templateId: shortcode,
  shortcode,
  name,
  text: `${name} text`,
  attachment: null,
  rendered: `${name} rendered`,
});

describe('a draft that is a quick command', () => {
  it('given `/` alone or `/word` alone, then what follows the slash', () => {
    expect(quickCommandQuery('/')).toBe('');
    expect(quickCommandQuery('/hel')).toBe('hel');
    expect(quickCommandQuery('/Price-2_x')).toBe('Price-2_x');
  });

  it('given anything else, then no quick command', () => {
    expect(quickCommandQuery('')).toBeNull();
    expect(quickCommandQuery('hello')).toBeNull();
    expect(quickCommandQuery(' /hello')).toBeNull();
    expect(quickCommandQuery('/hello ')).toBeNull();
    expect(quickCommandQuery('/hello world')).toBeNull();
    expect(quickCommandQuery('/hello\n')).toBeNull();
    expect(quickCommandQuery('//')).toBeNull();
    expect(quickCommandQuery('see /hello')).toBeNull();
  });
});

describe('the templates a quick command lists', () => {
  const templates = [
    template('welcome', 'Greeting'),
    template('price', 'Prices and offer'),
    template('hello', 'Hello again'),
    template('bye', 'Farewell'),
  ];
  const shortcodes = (query: string) =>
    filterQuickCommands(templates, query).map((found) => found.shortcode);

  it('given nothing after the slash, then all of them in the library’s order', () => {
    expect(shortcodes('')).toEqual(['welcome', 'price', 'hello', 'bye']);
  });

  it('given a word, then those whose shortcode starts with it first, then other matches by shortcode or name', () => {
    expect(shortcodes('he')).toEqual(['hello']);
    expect(shortcodes('e')).toEqual(['welcome', 'price', 'hello', 'bye']);
    expect(shortcodes('off')).toEqual(['price']);
    expect(shortcodes('GREET')).toEqual(['welcome']);
    expect(shortcodes('Far')).toEqual(['bye']);
    expect(shortcodes('xyz')).toEqual([]);
  });

  it('given the same word in one’s shortcode and another’s name, then the shortcode first', () => {
    const both = [template('hi', 'Say hello'), template('hello', 'Greeting')];
    expect(filterQuickCommands(both, 'hel').map((found) => found.shortcode)).toEqual([
      'hello',
      'hi',
    ]);
  });
});

describe('keys while the quick commands are open', () => {
  it('given Down and Up, then the highlight moves, round the ends', () => {
    expect(quickCommandKey({ key: 'ArrowDown' }, 0, 3)).toEqual({ type: 'move', index: 1 });
    expect(quickCommandKey({ key: 'ArrowDown' }, 2, 3)).toEqual({ type: 'move', index: 0 });
    expect(quickCommandKey({ key: 'ArrowUp' }, 0, 3)).toEqual({ type: 'move', index: 2 });
    expect(quickCommandKey({ key: 'ArrowUp' }, 2, 3)).toEqual({ type: 'move', index: 1 });
  });

  it('given Enter, then the highlighted template is chosen, never sent', () => {
    expect(quickCommandKey({ key: 'Enter' }, 1, 3)).toEqual({ type: 'choose', index: 1 });
    expect(quickCommandKey({ key: 'Enter' }, 5, 3)).toEqual({ type: 'choose', index: 2 });
    expect(quickCommandKey({ key: 'Enter' }, 0, 0)).toEqual({ type: 'swallow' });
  });

  it('given Shift+Enter or a key while an input method composes, then the reply box has it', () => {
    expect(quickCommandKey({ key: 'Enter', shiftKey: true }, 0, 3)).toEqual({ type: 'none' });
    expect(quickCommandKey({ key: 'Enter', isComposing: true }, 0, 3)).toEqual({ type: 'none' });
    expect(quickCommandKey({ key: 'ArrowDown', isComposing: true }, 0, 3)).toEqual({
      type: 'none',
    });
  });

  it('given Escape, then the popup closes; given no templates, arrows are the reply box’s', () => {
    expect(quickCommandKey({ key: 'Escape' }, 0, 3)).toEqual({ type: 'close' });
    expect(quickCommandKey({ key: 'Escape' }, 0, 0)).toEqual({ type: 'close' });
    expect(quickCommandKey({ key: 'ArrowDown' }, 0, 0)).toEqual({ type: 'none' });
    expect(quickCommandKey({ key: 'a' }, 0, 3)).toEqual({ type: 'none' });
  });

  it('given a shorter list, then the highlight stays inside it', () => {
    expect(clampIndex(4, 2)).toBe(1);
    expect(clampIndex(1, 2)).toBe(1);
    expect(clampIndex(-1, 2)).toBe(0);
    expect(clampIndex(3, 0)).toBe(0);
  });
});

describe('choosing a template with a file (issue 13)', () => {
  const prices = {
    templateId: 't-prices',
    attachment: {
      mediaId: 'f-prices',
      kind: 'document',
      fileName: 'prices.pdf',
      contentType: 'application/pdf',
      size: 2048,
    },
  } as const;
  const textOnly = { templateId: 't-hello', attachment: null };
  const ownUpload: UploadedAttachment = {
    mediaId: 'f-own',
    kind: 'photo',
    fileName: 'cat.png',
    contentType: 'image/png',
    size: 3,
    durationSeconds: null,
  };
  const own = {
    status: 'ready',
    kind: 'photo',
    name: 'cat.png',
    size: 3,
    uploaded: ownUpload,
  } as const;

  it('given a template with a file, then its file is the reply’s, named by the template, in place of any other', () => {
    const expected = {
      status: 'template',
      kind: 'document',
      name: 'prices.pdf',
      size: 2048,
      templateId: 't-prices',
      uploaded: { ...prices.attachment, durationSeconds: null },
    };
    expect(attachmentAfterChoosing(prices, null)).toEqual(expected);
    expect(attachmentAfterChoosing(prices, own)).toEqual(expected);
  });

  it('given a text-only template, then an earlier template’s file goes and the manager’s own upload stays', () => {
    const chosen = attachmentAfterChoosing(prices, null);
    expect(attachmentAfterChoosing(textOnly, chosen)).toBeNull();
    expect(attachmentAfterChoosing(textOnly, own)).toBe(own);
    expect(attachmentAfterChoosing(textOnly, null)).toBeNull();
  });
});
