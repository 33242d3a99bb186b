import { initialReloadTicks, reloadTicks } from './reload-ticks';

describe('reloadTicks', () => {
  it('given a change to another conversation, then only the chat list reloads', () => {
    const next = reloadTicks(initialReloadTicks, {
      type: 'changed',
      change: { conversationId: 'c2', collections: ['chats', 'timeline', 'cards'] },
      openConversationId: 'c1',
    });
    expect(next).toEqual({ chats: 1, timeline: 0, card: 0 });
  });

  it('given a timeline change to the open conversation, then the list and timeline reload', () => {
    const next = reloadTicks(initialReloadTicks, {
      type: 'changed',
      change: { conversationId: 'c1', collections: ['chats', 'timeline'] },
      openConversationId: 'c1',
    });
    expect(next).toEqual({ chats: 1, timeline: 1, card: 0 });
  });

  it('given a card change to the open conversation, then the card reloads too', () => {
    const next = reloadTicks(initialReloadTicks, {
      type: 'changed',
      change: { conversationId: 'c1', collections: ['cards'] },
      openConversationId: 'c1',
    });
    expect(next).toEqual({ chats: 1, timeline: 0, card: 1 });
  });

  it('given a change naming no collection for the open conversation, then all reload', () => {
    const next = reloadTicks(initialReloadTicks, {
      type: 'changed',
      change: { conversationId: 'c1', collections: [] },
      openConversationId: 'c1',
    });
    expect(next).toEqual({ chats: 1, timeline: 1, card: 1 });
  });

  it('given no open conversation, then a change reloads the list only', () => {
    const next = reloadTicks(initialReloadTicks, {
      type: 'changed',
      change: { conversationId: 'c1', collections: ['timeline'] },
      openConversationId: null,
    });
    expect(next).toEqual({ chats: 1, timeline: 0, card: 0 });
  });

  it('given a reconnect, then everything reloads', () => {
    expect(reloadTicks({ chats: 2, timeline: 3, card: 4 }, { type: 'everything' })).toEqual({
      chats: 3,
      timeline: 4,
      card: 5,
    });
  });
});
