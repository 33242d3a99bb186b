import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeConfigValue } from './sensitive';

/** One or more environment variables are missing or wrong; the message names each of them. */
export class InvalidConfig extends Error {
  constructor(readonly problems: readonly { variable: string; reason: string }[]) {
    super(
      `invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n')}`,
    );
    this.name = 'InvalidConfig';
  }
}

/**
 * Read a config class from the environment once, at boot (docs/style.md 11, after Twenty's
 * config variables). The class's property names are the variable names; class-validator
 * decorators say what is valid and class-transformer's @Type converts numbers and booleans.
 * Defaults are property initialisers. Unset or empty variables take the default.
 * Annotate each property's type (`PORT: number = 3000`): conversion reads the emitted type.
 */
export const loadConfig = <T extends object>(
  configClass: ClassConstructor<T>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): T => {
  const defaults = new configClass() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? defaults[key] : value;
  }
  const config = plainToInstance(configClass, raw, { enableImplicitConversion: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new InvalidConfig(
      errors.map((e) => ({
        variable: e.property,
        reason: `${Object.values(e.constraints ?? {}).join('; ')} (got ${describeConfigValue(configClass, e.property, raw[e.property])})`,
      })),
    );
  }
  return config;
};

/**
 * For an app's main.ts: load the config or stop the process with a message naming every bad
 * variable (exit code 78, EX_CONFIG).
 */
export const loadConfigOrExit = <T extends object>(
  configClass: ClassConstructor<T>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): T => {
  try {
    return loadConfig(configClass, env);
  } catch (e) {
    if (!(e instanceof InvalidConfig)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(78);
  }
};
