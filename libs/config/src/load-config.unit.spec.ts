import { IsBoolean, IsInt, IsUrl, Max, Min, MinLength } from 'class-validator';
import { BooleanFromEnv } from './env-transforms';
import { InvalidConfig, loadConfig } from './load-config';
import { Sensitive } from './sensitive';

class SampleConfig {
  @IsInt() @Min(1) @Max(65535) PORT: number = 3000;
  @IsUrl({ require_tld: false, protocols: ['postgres'], require_protocol: true })
  DATABASE_URL: string = 'postgres://localhost/db';
  @BooleanFromEnv() @IsBoolean() DEMO: boolean = false;
}

describe('loadConfig', () => {
  it('takes defaults for unset and empty variables', () => {
    expect(loadConfig(SampleConfig, { PORT: '' })).toMatchObject({ PORT: 3000, DEMO: false });
  });

  it('converts numbers and booleans from strings', () => {
    const c = loadConfig(SampleConfig, { PORT: '8080', DEMO: 'false' });
    expect(c.PORT).toBe(8080);
    expect(c.DEMO).toBe(false);
    expect(loadConfig(SampleConfig, { DEMO: '1' }).DEMO).toBe(true);
  });

  it('names every invalid variable and what it got', () => {
    try {
      loadConfig(SampleConfig, { PORT: 'eighty', DEMO: 'maybe', DATABASE_URL: 'nope' });
      throw new Error('expected InvalidConfig');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidConfig);
      const problems = (e as InvalidConfig).problems;
      expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'DEMO', 'PORT']);
      expect((e as Error).message).toMatch(/PORT: .*got "eighty"/);
    }
  });

  describe('secrets', () => {
    class SecretConfig {
      @MinLength(32) PARLEY_AUTH_SECRET: string = 'x'.repeat(32);
      @Sensitive() @MinLength(8) SIGNING_MATERIAL: string = 'x'.repeat(8);
      @IsUrl({ require_tld: false, protocols: ['postgres'], require_protocol: true })
      @MinLength(60)
      EVENT_STORE_URL: string = `postgres://p:secret@127.0.0.1:5432/${'x'.repeat(40)}`;
    }

    const messageFor = (env: Record<string, string>): string => {
      try {
        loadConfig(SecretConfig, env);
      } catch (e) {
        if (e instanceof InvalidConfig) return e.message;
        throw e;
      }
      throw new Error('expected InvalidConfig');
    };

    it('given a secret by its name is invalid, when reported, then the variable is named and its value is not', () => {
      const message = messageFor({ PARLEY_AUTH_SECRET: 'hunter2-too-short' });
      expect(message).toMatch(/PARLEY_AUTH_SECRET: .*a value of 17 characters, not shown/);
      expect(message).not.toContain('hunter2');
    });

    it('given a variable marked @Sensitive is invalid, when reported, then its value is not shown', () => {
      const message = messageFor({ SIGNING_MATERIAL: 'abc123' });
      expect(message).toMatch(/SIGNING_MATERIAL: .*not shown/);
      expect(message).not.toContain('abc123');
    });

    it('given an invalid URL with a password, when reported, then the password is masked', () => {
      const message = messageFor({ EVENT_STORE_URL: 'postgres://parley:pa55word@db/parley' });
      expect(message).toContain('postgres://parley:***@db/parley');
      expect(message).not.toContain('pa55word');
    });
  });
});
