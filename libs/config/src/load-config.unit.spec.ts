import { IsBoolean, IsInt, IsUrl, Max, Min } from 'class-validator';
import { BooleanFromEnv } from './env-transforms';
import { InvalidConfig, loadConfig } from './load-config';

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
});
