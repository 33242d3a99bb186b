import { isLoopbackHost } from './loopback-host';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1'])(
    'Given %p, Then it is reachable from this machine only',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each(['0.0.0.0', '::', '192.168.1.10', 'parley.example', '127.0.0.1.evil.example', ''])(
    'Given %p, Then it is not a loopback address',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});
