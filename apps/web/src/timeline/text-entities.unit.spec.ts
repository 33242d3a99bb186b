import { safeHref, textSegments } from './text-entities';

const entity = (type: string, offset: number, length: number, url: string | null = null) => ({
  type,
  offset,
  length,
  url,
  userId: null,
});

describe('formatted text (Telegram entities)', () => {
  it('given text without entities, then one plain segment', () => {
    expect(textSegments('Hello', undefined)).toEqual([{ text: 'Hello', styles: [], href: null }]);
  });

  it('given bold, a mention and a link, then each piece with its style and a safe link', () => {
    const text = 'Hi @anna, see https://example.com';
    expect(
      textSegments(text, [entity('bold', 0, 2), entity('mention', 3, 5), entity('url', 14, 19)]),
    ).toEqual([
      { text: 'Hi', styles: ['bold'], href: null },
      { text: ' ', styles: [], href: null },
      { text: '@anna', styles: [], href: 'https://t.me/anna' },
      { text: ', see ', styles: [], href: null },
      { text: 'https://example.com', styles: [], href: 'https://example.com/' },
    ]);
  });

  it('given nested bold and italic, then the overlap carries both', () => {
    expect(textSegments('abcd', [entity('bold', 0, 3), entity('italic', 2, 2)])).toEqual([
      { text: 'ab', styles: ['bold'], href: null },
      { text: 'c', styles: ['bold', 'italic'], href: null },
      { text: 'd', styles: ['italic'], href: null },
    ]);
  });

  it('given HTML in the text, then it stays text: segments are strings, never markup', () => {
    const text = '<img src=x onerror=alert(1)>';
    expect(textSegments(text, [entity('bold', 0, text.length)])).toEqual([
      { text, styles: ['bold'], href: null },
    ]);
  });

  it('given a text_link to javascript: or data:, then no link', () => {
    expect(textSegments('click', [entity('text_link', 0, 5, 'javascript:alert(1)')])).toEqual([
      { text: 'click', styles: [], href: null },
    ]);
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
  });

  it('given entities past the end of the text (emoji counted as two code units), then they are cut to it', () => {
    expect(textSegments('👍 ok', [entity('bold', 3, 10)])).toEqual([
      { text: '👍 ', styles: [], href: null },
      { text: 'ok', styles: ['bold'], href: null },
    ]);
  });
});
