import { InvalidConfig, loadConfig } from '@parley/config';
import { GatewayConfig } from './gateway.config';

const SECRET = 's'.repeat(32);

describe('GatewayConfig', () => {
  it('given only the secret, then the documented defaults', () => {
    expect(loadConfig(GatewayConfig, { PARLEY_AUTH_SECRET: SECRET })).toMatchObject({
      PARLEY_ADMIN_EMAIL: 'admin@parley.local',
      PARLEY_ADMIN_PASSWORD: 'parley-admin',
      PARLEY_MANAGER_EMAIL: 'manager@parley.local',
      PARLEY_MANAGER_PASSWORD: 'parley-manager',
      PARLEY_COOKIE_SECURE: false,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 604_800,
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
      PARLEY_COOKIE_SECURE: 'true',
      COMMAND_TIMEOUT_MS: '300',
    });
    expect(config.PARLEY_COOKIE_SECURE).toBe(true);
    expect(config.COMMAND_TIMEOUT_MS).toBe(300);
  });
});
