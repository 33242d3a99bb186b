import { avatarHue, initialsOf } from './avatar-look';

describe('initialsOf', () => {
  it('given two or more words, then takes the first letters of the first two', () => {
    expect(initialsOf('Anna Petrova')).toBe('AP');
    expect(initialsOf('  иван   сергеевич  петров ')).toBe('ИС');
  });

  it('given one word, then one letter; given nothing usable, then a question mark', () => {
    expect(initialsOf('anna')).toBe('A');
    expect(initialsOf('   ')).toBe('?');
    expect(initialsOf('@@ !!')).toBe('?');
  });

  it('given a name with leading punctuation, then skips it', () => {
    expect(initialsOf('"Max" (Telegram)')).toBe('MT');
  });
});

describe('avatarHue', () => {
  it('given the same seed, then the same hue; given others, then hues from the palette', () => {
    expect(avatarHue('conversation-1')).toBe(avatarHue('conversation-1'));
    const hues = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(avatarHue));
    expect(hues.size).toBeGreaterThan(1);
  });
});
