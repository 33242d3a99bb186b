import {
  fieldSnippet,
  MATCH_END,
  MATCH_START,
  messageSnippet,
  SNIPPET_LENGTH,
} from './hit-snippet';

const mark = (word: string): string => `${MATCH_START}${word}${MATCH_END}`;

describe('message snippets', () => {
  it('given a short text with marked words, then the whole text and a range per mark', () => {
    const snippet = messageSnippet(
      `Las ${mark('casas')} y las ${mark('casa')}`,
      'Las casas y las casa',
    );

    expect(snippet).toEqual({
      snippet: 'Las casas y las casa',
      highlights: [
        [4, 9],
        [16, 20],
      ],
    });
  });

  it('given an unaccented marked text of the same length, then the original characters are shown', () => {
    expect(messageSnippet(`la ${mark('cancion')}`, 'la canción')).toEqual({
      snippet: 'la canción',
      highlights: [[3, 10]],
    });
  });

  it('given unaccenting changed the length, then the unaccented text is shown, its ranges right', () => {
    const snippet = messageSnippet(`die ${mark('strasse')}`, 'die straße');

    expect(snippet.snippet.slice(...snippet.highlights[0]!)).toBe('strasse');
  });

  it('given a long text, then a window from a word start before the match, with ellipses', () => {
    const before = 'word '.repeat(40);
    const after = ' tail'.repeat(40);
    const text = `${before}target${after}`;

    const snippet = messageSnippet(`${before}${mark('target')}${after}`, text);

    expect(snippet.snippet.startsWith('…word ')).toBe(true);
    expect(snippet.snippet.endsWith('…')).toBe(true);
    expect(snippet.snippet.length).toBe(SNIPPET_LENGTH + 2);
    const [range] = snippet.highlights;
    expect(snippet.snippet.slice(range![0], range![1])).toBe('target');
  });

  it('given a match near the end of a long text, then the window ends with the text', () => {
    const text = `${'x'.repeat(300)} end`;

    const snippet = messageSnippet(`${'x'.repeat(300)} ${mark('end')}`, text);

    expect(snippet.snippet.endsWith(' end')).toBe(true);
    expect(snippet.snippet.slice(...snippet.highlights[0]!)).toBe('end');
  });
});

describe('name, username and tag snippets', () => {
  it('given the query at a word start, then that part is highlighted', () => {
    expect(fieldSnippet('Anna Annenkova', 'anna annenkova', 'annen')).toEqual({
      snippet: 'Anna Annenkova',
      highlights: [[5, 10]],
    });
  });

  it('given the query inside a word only, then that part is highlighted', () => {
    expect(fieldSnippet('Petrova', 'petrova', 'tro').highlights).toEqual([[2, 5]]);
  });

  it('given a misspelt query, then the word most like it is highlighted', () => {
    expect(fieldSnippet('Aleksandra Petrova', 'aleksandra petrova', 'petorva').highlights).toEqual([
      [11, 18],
    ]);
  });

  it('given a normalized value of another length, then the whole value is highlighted', () => {
    expect(fieldSnippet('Straße', 'strasse', 'stra').highlights).toEqual([[0, 6]]);
  });
});
