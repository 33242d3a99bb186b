import {
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
