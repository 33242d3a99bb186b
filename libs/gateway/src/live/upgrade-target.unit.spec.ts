import fc from 'fast-check';
import { upgradeTarget } from './upgrade-target';

describe('upgrade target', () => {
  it.each([
    ['/api/live?ticket=abc', { path: '/api/live', ticket: 'abc' }],
    ['/api/live', { path: '/api/live', ticket: '' }],
    ['/api/live?x=1&ticket=a%2Bb', { path: '/api/live', ticket: 'a+b' }],
    ['//[::1', { path: '//[::1', ticket: '' }],
    ['/api/live?ticket=%E0%A4%A', { path: '/api/live', ticket: '\uFFFD%A' }],
    ['http://evil.example/api/live', { path: 'http://evil.example/api/live', ticket: '' }],
    [undefined, { path: '', ticket: '' }],
    ['/api/live?access_token=abc', { path: '/api/live', ticket: '' }],
  ])('Given the request target %p, When read, Then it is %p', (url, expected) => {
    expect(upgradeTarget(url)).toEqual(expected);
  });

  it('Given any request target, When read, Then it never throws and keeps the path as sent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (url) => {
        const { path } = upgradeTarget(url);
        expect(url.startsWith(path)).toBe(true);
        expect(path.includes('?')).toBe(false);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
