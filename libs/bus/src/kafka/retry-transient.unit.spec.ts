import { retryTransient } from './retry-transient';

const kafkaError = (type: string, retriable: boolean) =>
  Object.assign(new Error(`kafka says ${type}`), { type, retriable });

describe('retryTransient', () => {
  it('given a topic whose leader is still being elected, retries until the call succeeds', async () => {
    let calls = 0;
    const result = await retryTransient('metadata', async () => {
      calls++;
      if (calls < 3) throw kafkaError('UNKNOWN_TOPIC_OR_PARTITION', true);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('given an error that is not transient, throws it at once', async () => {
    let calls = 0;
    await expect(
      retryTransient('create', async () => {
        calls++;
        throw kafkaError('TOPIC_AUTHORIZATION_FAILED', false);
      }),
    ).rejects.toThrow('TOPIC_AUTHORIZATION_FAILED');
    expect(calls).toBe(1);
  });

  it('gives up after the last attempt, saying what it was doing', async () => {
    await expect(
      retryTransient(
        'end offsets of t',
        async () => {
          throw kafkaError('NOT_LEADER_FOR_PARTITION', true);
        },
        3,
      ),
    ).rejects.toThrow(/^end offsets of t: .*NOT_LEADER_FOR_PARTITION \(after 3 attempts\)/);
  });
});
