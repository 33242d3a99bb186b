import { InvalidConfig, loadConfig } from '@parley/config';
import { TelegramChannelConfig, isTelegramChannelEnabled } from './telegram-channel.config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(TelegramChannelConfig, env);
  } catch (e) {
    if (e instanceof InvalidConfig) return e.problems.map((p) => p.variable).sort();
    throw e;
  }
  return [];
};

describe('TelegramChannelConfig', () => {
  it('given no variables, then the channel is off and defaults apply', () => {
    const config = loadConfig(TelegramChannelConfig, {});
    expect(isTelegramChannelEnabled(config)).toBe(false);
    expect(config.TELEGRAM_BOT_USERNAME).toBe('parley_bot');
    expect(config.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(config.TELEGRAM_CHAT_SEND_INTERVAL_MS).toBe(1000);
    expect(config.TELEGRAM_BOT_SENDS_PER_SECOND).toBe(30);
    expect(config.REDIS_URL).toBe('');
  });

  it('given send limits the shared limiter cannot keep, then each variable is named', () => {
    expect(problemsOf({ TELEGRAM_CHAT_SEND_INTERVAL_MS: '1500' })).toEqual([
      'TELEGRAM_CHAT_SEND_INTERVAL_MS',
    ]);
    expect(problemsOf({ TELEGRAM_CHAT_SEND_INTERVAL_MS: '0' })).toEqual([]);
    expect(problemsOf({ TELEGRAM_BOT_SENDS_PER_SECOND: '5' })).toEqual([
      'TELEGRAM_BOT_SENDS_PER_SECOND',
    ]);
    expect(problemsOf({ REDIS_URL: 'http://127.0.0.1:6379' })).toEqual(['REDIS_URL']);
    expect(problemsOf({ REDIS_URL: 'redis://:pw@127.0.0.1:6379' })).toEqual([]);
  });

  it('given a token and a secret, then the channel is on', () => {
    const config = loadConfig(TelegramChannelConfig, {
      TELEGRAM_BOT_TOKEN: '123456:ABC-def_1',
      TELEGRAM_WEBHOOK_SECRET: 's3cret_-X',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
    });
    expect(isTelegramChannelEnabled(config)).toBe(true);
  });

  it('given a malformed token, or a token without a valid secret, then each variable is named', () => {
    expect(
      problemsOf({ TELEGRAM_BOT_TOKEN: 'not-a-token', TELEGRAM_WEBHOOK_SECRET: 'ok' }),
    ).toEqual(['TELEGRAM_BOT_TOKEN']);
    expect(problemsOf({ TELEGRAM_BOT_TOKEN: '1:A' })).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
    expect(problemsOf({ TELEGRAM_BOT_TOKEN: '1:A', TELEGRAM_WEBHOOK_SECRET: 'has space' })).toEqual(
      ['TELEGRAM_WEBHOOK_SECRET'],
    );
    expect(
      problemsOf({ TELEGRAM_BOT_TOKEN: '1:A', TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(257) }),
    ).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
  });
});
