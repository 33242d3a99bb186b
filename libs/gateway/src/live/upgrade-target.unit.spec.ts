import fc from 'fast-check';
import { upgradeTarget } from './upgrade-target';

describe('upgrade target', () => {
  it.each([
    ['/api/live?access_token=abc', { path: '/api/live', accessToken: 'abc' }],
    ['/api/live', { path: '/api/live', accessToken: '' }],
    ['/api/live?x=1&access_token=a%2Bb', { path: '/api/live', accessToken: 'a+b' }],
    ['//[::1', { path: '//[::1', accessToken: '' }],
    ['/api/live?access_token=%E0%A4%A', { path: '/api/live', accessToken: '\uFFFD%A' }],
    ['http://evil.example/api/live', { path: 'http://evil.example/api/live', accessToken: '' }],
    [undefined, { path: '', accessToken: '' }],
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
