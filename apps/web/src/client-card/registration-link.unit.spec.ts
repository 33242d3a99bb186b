import { registrationLink } from './registration-link';

describe('registrationLink', () => {
  it('given a template and a click id, then the placeholder becomes the click id', () => {
    expect(
      registrationLink('https://broker.example/signup?ref=parley&cid={click_id}', 'AbC_12-xyz'),
    ).toBe('https://broker.example/signup?ref=parley&cid=AbC_12-xyz');
  });

  it('given characters a URL would misread, then they are encoded; every placeholder is filled', () => {
    expect(registrationLink('https://x.example/{click_id}?c={click_id}', 'a b&c/d')).toBe(
      'https://x.example/a%20b%26c%2Fd?c=a%20b%26c%2Fd',
    );
  });

  it('given no template or no click id, then no link', () => {
    expect(registrationLink(null, 'abc')).toBeNull();
    expect(registrationLink('https://x.example/{click_id}', undefined)).toBeNull();
    expect(registrationLink('', 'abc')).toBeNull();
  });
});
