import { conversationParties } from './conversation-parties';

describe('the contact and deal of a conversation', () => {
  it('given a private Telegram chat, then the contact and deal of its user', () => {
    expect(conversationParties('ws1:tg:777:100')).toEqual({
      workspaceId: 'ws1',
      contactId: 'ws1:contact:tg:100',
      dealId: 'ws1:deal:tg:100',
    });
  });

  it.each(['ws1:tg:777:-100', 'ws1:wc:abc:1', 'ws1:tg:777', 'nonsense'])(
    'given %j, then none',
    (id) => {
      expect(conversationParties(id)).toBeNull();
    },
  );
});
