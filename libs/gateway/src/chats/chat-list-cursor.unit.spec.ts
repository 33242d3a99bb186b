import { decodeChatListCursor, encodeChatListCursor } from './chat-list-cursor';

describe('chat list cursor', () => {
  it('given a sort key, when encoded and decoded, then the same key comes back, url-safe', () => {
    const key = { lastActivityAt: '2026-11-01T10:00:00.000Z', _id: 'ws1:tg:1:2/?+' };
    const cursor = encodeChatListCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeChatListCursor(cursor)).toEqual(key);
  });

  it('given text that is not a cursor, then null', () => {
    for (const text of [
      'zzz',
      '',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"_id":3}').toString('base64url'),
      Buffer.from('{"lastActivityAt":"yesterday","_id":"c1"}').toString('base64url'),
      Buffer.from('{"lastActivityAt":"2026-11-01T10:00:00.000Z","_id":""}').toString('base64url'),
      Buffer.from('{"lastActivityAt":"2026-11-01T10:00:00Z","_id":"c1","x":1}').toString(
        'base64url',
      ),
      `${encodeChatListCursor({ lastActivityAt: '2026-11-01T10:00:00.000Z', _id: 'c1' })}%00`,
      'eyJ@',
    ]) {
      expect(decodeChatListCursor(text)).toBeNull();
    }
  });
});
