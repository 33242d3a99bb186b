import { COMMAND_RESULTS_TOPIC } from './topic-names';
import { streamCategory, streamName, topicForStream } from './stream-names';

describe('stream names', () => {
  it('are {context}-{aggregateId} and keep dashes of the aggregate id', () => {
    const name = streamName('conversation', 'ws-1:tg-42');
    expect(name).toBe('conversation-ws-1:tg-42');
    expect(streamCategory(name)).toBe('conversation');
  });

  it('reject a context that is not a lower-case word', () => {
    expect(() => streamName('Conversation', 'x')).toThrow(/invalid stream context/);
    expect(() => streamName('a-b', 'x')).toThrow(/invalid stream context/);
    expect(() => streamName('crm', '')).toThrow(/must not be empty/);
  });

  it('route events to their context topic and outcomes to the command results topic', () => {
    expect(topicForStream('crm-ws1:c1')).toBe('parley.crm.events');
    expect(topicForStream('command_outcome-123')).toBe(COMMAND_RESULTS_TOPIC);
  });
});
