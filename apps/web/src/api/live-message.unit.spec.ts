import { liveUrl, parseLiveMessage } from './live-message';
import { reconnectDelay, RECONNECT_MAX_MS } from './reconnect-backoff';

describe('parseLiveMessage', () => {
  it('given a change frame, then the change with known collections only', () => {
    const frame = JSON.stringify({
      type: 'changed',
      workspaceId: 'w1',
      conversationId: 'c1',
      collections: ['chats', 'timeline', 'search'],
      position: '42',
    });
    expect(parseLiveMessage(frame)).toEqual({
      type: 'changed',
      workspaceId: 'w1',
      conversationId: 'c1',
      collections: ['chats', 'timeline'],
      position: '42',
    });
  });

  it('given hello, then hello; given garbage, then null', () => {
    expect(parseLiveMessage('{"type":"hello","userId":"u1"}')).toEqual({
      type: 'hello',
      userId: 'u1',
    });
    expect(parseLiveMessage('not json')).toBeNull();
    expect(parseLiveMessage('{"type":"changed"}')).toBeNull();
    expect(parseLiveMessage(new Uint8Array([1]))).toBeNull();
  });
});

describe('liveUrl', () => {
  it('given the page origin, then ws or wss with the ticket escaped', () => {
    expect(liveUrl({ protocol: 'http:', host: 'localhost:3000' }, 'a b+c')).toBe(
      'ws://localhost:3000/api/live?ticket=a%20b%2Bc',
    );
    expect(liveUrl({ protocol: 'https:', host: 'parley.example' }, 't')).toBe(
      'wss://parley.example/api/live?ticket=t',
    );
  });
});

describe('reconnectDelay', () => {
  it('given more failed attempts, then waits longer, up to the cap, with jitter', () => {
    const noJitter = () => 1;
    expect(reconnectDelay(0, noJitter)).toBe(500);
    expect(reconnectDelay(1, noJitter)).toBe(1000);
    expect(reconnectDelay(3, noJitter)).toBe(4000);
    expect(reconnectDelay(20, noJitter)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelay(1, () => 0)).toBe(500);
  });
});
