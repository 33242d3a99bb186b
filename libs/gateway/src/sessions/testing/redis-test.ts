import { spawnSync } from 'node:child_process';
import { reportSkip } from '@parley/test-infra';

/** The Redis server tests use: PARLEY_TEST_REDIS_URL, else the local one `infra:up` starts. */
export const testRedisUrl = (): string =>
  process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Whether Redis answers PING at `url`, asked synchronously (a child process), because Jest
 * names its suites before any async code can run.
 */
const redisAnswers = (url: string): boolean => {
  const probe = `
    const net = require('node:net');
    const u = new URL(process.argv[1]);
    const socket = net.connect(Number(u.port || 6379), u.hostname);
    const fail = () => process.exit(1);
    socket.setTimeout(2000, fail);
    socket.on('error', fail);
    socket.on('connect', () => socket.write('PING\\r\\n'));
    socket.on('data', (d) => process.exit(/^(\\+PONG|-NOAUTH)/.test(String(d)) ? 0 : 1));
  `;
  return spawnSync(process.execPath, ['-e', probe, url], { timeout: 5000 }).status === 0;
};

/**
 * `describe` on the test Redis. When it does not answer, the suite is skipped with a line through
 * reportSkip (listed before Jest's summary), unless CI or PARLEY_REQUIRE_REDIS=1 is set: there
 * Redis runs, so the suite runs and an unreachable server fails it.
 */
export const describeOnRedis = (name: string, suite: (url: string) => void): void => {
  const url = testRedisUrl();
  const required = Boolean(process.env['CI']) || process.env['PARLEY_REQUIRE_REDIS'] === '1';
  if (!required && !redisAnswers(url)) {
    reportSkip(`redis: skipped (no server answers at ${new URL(url).host}): ${name}`);
    describe.skip(`${name} (skipped: no Redis)`, () => suite(url));
    return;
  }
  describe(`${name} on Redis at ${new URL(url).host}`, () => suite(url));
};
