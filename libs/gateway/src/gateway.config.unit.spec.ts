import { InvalidConfig, loadConfig } from '@parley/config';
import { GatewayConfig, trustProxySetting } from './gateway.config';

const SECRET = 's'.repeat(32);

describe('GatewayConfig', () => {
  it('given only the secret, then the documented defaults: no password of any user', () => {
    expect(loadConfig(GatewayConfig, { PARLEY_AUTH_SECRET: SECRET })).toMatchObject({
      PARLEY_ADMIN_EMAIL: 'admin@parley.local',
      PARLEY_ADMIN_PASSWORD: '',
      PARLEY_MANAGER_EMAIL: 'manager@parley.local',
      PARLEY_MANAGER_PASSWORD: '',
      LIVE_CONNECTIONS_PER_USER: 10,
      PARLEY_COOKIE_SECURE: true,
      PARLEY_ALLOWED_ORIGINS: '',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 604_800,
      REDIS_URL: '',
      SIGN_IN_FAILURES_PER_ADDRESS: 20,
      SIGN_IN_FAILURES_PER_ACCOUNT: 5,
      SIGN_IN_WINDOW_SECONDS: 900,
      PASSWORD_HASH_CONCURRENCY: 2,
      PASSWORD_HASH_QUEUE_LIMIT: 32,
      COMMAND_TIMEOUT_MS: 10_000,
      PARLEY_WEB_DIR: 'dist/apps/web',
    });
  });

  it('given no secret or a short one, then the config is refused naming PARLEY_AUTH_SECRET', () => {
    for (const env of [{}, { PARLEY_AUTH_SECRET: 'short' }]) {
      try {
        loadConfig(GatewayConfig, env);
        throw new Error('expected InvalidConfig');
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidConfig);
        expect((e as InvalidConfig).problems.map((p) => p.variable)).toEqual([
          'PARLEY_AUTH_SECRET',
        ]);
      }
    }
  });

  it('given values as strings, then they are converted', () => {
    const config = loadConfig(GatewayConfig, {
      PARLEY_AUTH_SECRET: SECRET,
      PARLEY_COOKIE_SECURE: 'false',
      COMMAND_TIMEOUT_MS: '300',
      SIGN_IN_FAILURES_PER_ACCOUNT: '10',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PARLEY_ALLOWED_ORIGINS: 'https://app.example.com, http://localhost:5173',
    });
    expect(config.PARLEY_COOKIE_SECURE).toBe(false);
    expect(config.COMMAND_TIMEOUT_MS).toBe(300);
    expect(config.SIGN_IN_FAILURES_PER_ACCOUNT).toBe(10);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('given bad session and limit settings, then each is refused by its name', () => {
    try {
      loadConfig(GatewayConfig, {
        PARLEY_AUTH_SECRET: SECRET,
        REDIS_URL: 'http://127.0.0.1:6379',
        PARLEY_ALLOWED_ORIGINS: 'https://app.example.com/path',
        PARLEY_COOKIE_SECURE: 'maybe',
        SIGN_IN_FAILURES_PER_ADDRESS: '0',
        SIGN_IN_FAILURES_PER_ACCOUNT: 'five',
        SIGN_IN_WINDOW_SECONDS: '-1',
        PASSWORD_HASH_CONCURRENCY: '0',
        PASSWORD_HASH_QUEUE_LIMIT: '-1',
        PARLEY_ADMIN_PASSWORD: 'short',
        PARLEY_MANAGER_PASSWORD: 'x'.repeat(201),
        LIVE_CONNECTIONS_PER_USER: '0',
      });
      throw new Error('expected InvalidConfig');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidConfig);
      expect((e as InvalidConfig).problems.map((p) => p.variable).sort()).toEqual([
        'LIVE_CONNECTIONS_PER_USER',
        'PARLEY_ADMIN_PASSWORD',
        'PARLEY_ALLOWED_ORIGINS',
        'PARLEY_COOKIE_SECURE',
        'PARLEY_MANAGER_PASSWORD',
        'PASSWORD_HASH_CONCURRENCY',
        'PASSWORD_HASH_QUEUE_LIMIT',
        'REDIS_URL',
        'SIGN_IN_FAILURES_PER_ACCOUNT',
        'SIGN_IN_FAILURES_PER_ADDRESS',
        'SIGN_IN_WINDOW_SECONDS',
      ]);
    }
  });

  it.each(['', '1', 'loopback', 'loopback, 10.0.0.0/8', '192.0.2.10', 'fd00::/8,uniquelocal'])(
    'given PARLEY_TRUST_PROXY=%p, then it is taken',
    (value) => {
      const config = loadConfig(GatewayConfig, {
        PARLEY_AUTH_SECRET: SECRET,
        PARLEY_TRUST_PROXY: value,
      });
      expect(config.PARLEY_TRUST_PROXY).toBe(value);
    },
  );

  it.each(['true', 'yes', '10', '10.0.0.0/33', '999.1.1.1', 'loopback,,', 'fd00::/129'])(
    'given PARLEY_TRUST_PROXY=%p, then it is refused by its name',
    (value) => {
      try {
        loadConfig(GatewayConfig, { PARLEY_AUTH_SECRET: SECRET, PARLEY_TRUST_PROXY: value });
        throw new Error('expected InvalidConfig');
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidConfig);
        expect((e as InvalidConfig).problems.map((p) => p.variable)).toEqual([
          'PARLEY_TRUST_PROXY',
        ]);
      }
    },
  );

  it('given each form of PARLEY_TRUST_PROXY, then Express gets none, hops, or the list', () => {
    expect(trustProxySetting('')).toBe(false);
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
  });
});
