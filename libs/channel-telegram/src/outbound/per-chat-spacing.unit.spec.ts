import { PerChatSpacing } from './per-chat-spacing';

describe('per-chat spacing (about 1 message per second per chat)', () => {
  it('given sends to one chat in a burst, then each waits one interval more than the last', () => {
    let now = 10_000;
    const spacing = new PerChatSpacing(1000, () => now);
    expect(spacing.reserve('42')).toBe(0);
    expect(spacing.reserve('42')).toBe(1000);
    expect(spacing.reserve('42')).toBe(2000);
    now += 500;
    expect(spacing.reserve('42')).toBe(2500);
  });

  it('given sends to different chats, then they do not wait for each other', () => {
    const spacing = new PerChatSpacing(1000, () => 0);
    expect(spacing.reserve('1')).toBe(0);
    expect(spacing.reserve('2')).toBe(0);
  });

  it('given the interval has passed, then the next send goes at once', () => {
    let now = 0;
    const spacing = new PerChatSpacing(1000, () => now);
    spacing.reserve('1');
    now = 1500;
    expect(spacing.reserve('1')).toBe(0);
  });
});
