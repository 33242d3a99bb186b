import { isSearchShortcut, type ShortcutKey } from './search-shortcut';

const key = (overrides: Partial<ShortcutKey>): ShortcutKey => ({
  key: '/',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inTextField: false,
  ...overrides,
});

describe('the search box’s keyboard shortcut (L2)', () => {
  it('takes `/` when the manager is not typing in a field', () => {
    expect(isSearchShortcut(key({}))).toBe(true);
    expect(isSearchShortcut(key({ inTextField: true }))).toBe(false);
  });

  it('takes Ctrl+K and Cmd+K from anywhere, also while typing', () => {
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, inTextField: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'K', metaKey: true }))).toBe(true);
  });

  it('leaves other keys alone', () => {
    expect(isSearchShortcut(key({ key: 'k' }))).toBe(false);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSearchShortcut(key({ ctrlKey: true }))).toBe(false);
  });
});
