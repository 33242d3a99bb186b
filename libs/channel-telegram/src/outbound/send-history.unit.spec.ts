import type { EventEnvelope } from '@parley/contracts';
import { sendHistoryOf } from './send-history';

const event = (type: string, data: Record<string, unknown>): EventEnvelope =>
  ({ type, data, metadata: {} }) as unknown as EventEnvelope;
const attempted = (messageId: string, attempt: number) =>
  event('Channel.MessageSendAttempted', { messageId, attempt });
const attemptFailed = (messageId: string, attempt: number) =>
  event('Channel.MessageSendAttemptFailed', { messageId, attempt, reason: '429' });

describe('send history of a manager message', () => {
  it('given nothing yet, then not finished, no attempts, nothing unanswered', () => {
    expect(sendHistoryOf([], 'm1')).toEqual({ finished: false, attempts: 0, unanswered: false });
  });

  it('given an attempt Telegram answered with an error, then nothing is unanswered', () => {
    expect(sendHistoryOf([attempted('m1', 1), attemptFailed('m1', 1)], 'm1')).toEqual({
      finished: false,
      attempts: 1,
      unanswered: false,
    });
  });

  it('given an attempt with no answer and no outcome, then it is unanswered', () => {
    const history = sendHistoryOf(
      [attempted('m1', 1), attemptFailed('m1', 1), attempted('m1', 2)],
      'm1',
    );
    expect(history).toEqual({ finished: false, attempts: 2, unanswered: true });
  });

  it('given an outcome, then it is finished and nothing is unanswered', () => {
    const delivered = event('Channel.MessageDelivered', { messageId: 'm1' });
    expect(sendHistoryOf([attempted('m1', 1), delivered], 'm1')).toEqual({
      finished: true,
      attempts: 1,
      unanswered: false,
    });
  });

  it("given another message's events, then they do not count", () => {
    expect(sendHistoryOf([attempted('m2', 1)], 'm1')).toEqual({
      finished: false,
      attempts: 0,
      unanswered: false,
    });
  });
});
