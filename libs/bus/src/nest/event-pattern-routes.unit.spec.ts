import { eventRoute } from '../index';

describe('eventRoute', () => {
  it('routes an event type to its context events topic, filtered by type', () => {
    expect(eventRoute('Conversation.MessageReceived', {}, 'crm')).toEqual({
      topic: 'parley.conversation.events',
      groupId: 'crm',
      eventType: 'Conversation.MessageReceived',
    });
  });

  it('routes a topic pattern to the whole topic, and extras.consumer to its own group', () => {
    expect(eventRoute('{"topic":"parley.crm.commands"}', { consumer: 'slow' }, 'crm')).toEqual({
      topic: 'parley.crm.commands',
      groupId: 'crm.slow',
    });
  });

  it('refuses a pattern the bus cannot route', () => {
    expect(() => eventRoute('message_received', {}, 'crm')).toThrow('is not a bus pattern');
    expect(() => eventRoute('{"cmd":"x"}', {}, 'crm')).toThrow('is not a bus pattern');
  });
});
