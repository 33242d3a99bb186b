import type { EventEnvelope } from '@parley/contracts';
import { sendHistoryOf } from './send-history';

const event = (type: string, data: Record<string, unknown>): EventEnvelope =>
  ({ type, data, metadata: {} }) as unknown as EventEnvelope;
const attempted = (messageId: string, attempt: number) =>
  event('Channel.MessageSendAttempted', { messageId, attempt });
const attemptFailed = (messageId: string, attempt: number) =>
  event('Channel.MessageSendAttemptFailed', { messageId, attempt, reason: '429' });
const failed = (messageId: string, code = 'unconfirmed') =>
  event('Channel.MessageDeliveryFailed', { messageId, code, reason: code, retryable: true });
const delivered = (messageId: string) => event('Channel.MessageDelivered', { messageId });

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

  describe('rounds: a retry with `retry: n` acknowledges n failures', () => {
    // Round 1: attempt 1 went out and was never answered (a kill): recorded unconfirmed.
    const round1 = [attempted('m1', 1), failed('m1')];

    it('given an unconfirmed failure, when the first request is redelivered, then its round is finished (never a silent second send)', () => {
      expect(sendHistoryOf(round1, 'm1', 0)).toEqual({
        finished: true,
        attempts: 1,
        unanswered: false,
      });
    });

    it('given an unconfirmed failure, when a manager retries (retry 1), then the new round is open and the old unanswered attempt does not count', () => {
      expect(sendHistoryOf(round1, 'm1', 1)).toEqual({
        finished: false,
        attempts: 1,
        unanswered: false,
      });
    });

    it('given the retry round has an attempt without an answer, then it is unanswered (not sent a third time)', () => {
      expect(sendHistoryOf([...round1, attempted('m1', 2)], 'm1', 1)).toEqual({
        finished: false,
        attempts: 2,
        unanswered: true,
      });
    });

    it('given the retry round had an attempt Telegram answered with an error, then nothing is unanswered', () => {
      expect(
        sendHistoryOf([...round1, attempted('m1', 2), attemptFailed('m1', 2)], 'm1', 1),
      ).toEqual({ finished: false, attempts: 2, unanswered: false });
    });

    it('given the retry round failed too (failure 2), when the retry is redelivered, then it is finished; a second retry (retry 2) opens round 3', () => {
      const history = [...round1, attempted('m1', 2), failed('m1', 'blocked')];
      expect(sendHistoryOf(history, 'm1', 1)).toEqual({
        finished: true,
        attempts: 2,
        unanswered: false,
      });
      expect(sendHistoryOf(history, 'm1', 2)).toEqual({
        finished: false,
        attempts: 2,
        unanswered: false,
      });
    });

    it('given the retry was delivered, then every round is finished (a redelivered request sends nothing)', () => {
      const history = [...round1, attempted('m1', 2), delivered('m1')];
      for (const retry of [0, 1, 2]) {
        expect(sendHistoryOf(history, 'm1', retry)).toEqual({
          finished: true,
          attempts: 2,
          unanswered: false,
        });
      }
    });
  });
});
