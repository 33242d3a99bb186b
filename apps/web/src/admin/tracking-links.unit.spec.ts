import {
  deepLinkText,
  EMPTY_TRACKING_LINK_FORM,
  trackingLinkFormProblem,
  trackingLinkRequest,
} from './tracking-links';

describe('deep link text', () => {
  it('given the gateway knows the bot, then the t.me link', () => {
    expect(deepLinkText({ key: 'fb_spring', deepLink: 'https://t.me/bot?start=fb_spring' })).toBe(
      'https://t.me/bot?start=fb_spring',
    );
  });

  it('given no deep link, then the /start command with the key', () => {
    expect(deepLinkText({ key: 'fb_spring', deepLink: null })).toBe('/start fb_spring');
  });
});

describe('the new tracking link form', () => {
  it('given no source, then source-missing', () => {
    expect(trackingLinkFormProblem(EMPTY_TRACKING_LINK_FORM)).toBe('source-missing');
    expect(trackingLinkFormProblem({ ...EMPTY_TRACKING_LINK_FORM, source: '  ' })).toBe(
      'source-missing',
    );
  });

  it('given a key Telegram would not carry, then key-invalid; an empty key is fine', () => {
    const form = { ...EMPTY_TRACKING_LINK_FORM, source: 'facebook' };
    expect(trackingLinkFormProblem({ ...form, key: 'spring sale' })).toBe('key-invalid');
    expect(trackingLinkFormProblem({ ...form, key: 'x'.repeat(65) })).toBe('key-invalid');
    expect(trackingLinkFormProblem({ ...form, key: 'ä' })).toBe('key-invalid');
    expect(trackingLinkFormProblem({ ...form, key: 'Spring_sale-2' })).toBeNull();
    expect(trackingLinkFormProblem(form)).toBeNull();
  });

  it('given the form, then the request is trimmed and leaves blank fields out', () => {
    expect(
      trackingLinkRequest({
        ...EMPTY_TRACKING_LINK_FORM,
        source: ' facebook ',
        campaign: ' spring-sale ',
        ad: '   ',
      }),
    ).toEqual({ source: 'facebook', campaign: 'spring-sale' });
    expect(
      trackingLinkRequest({
        key: 'k1',
        source: 's',
        platform: 'p',
        campaign: 'c',
        ad: 'a',
        adSet: 'as',
      }),
    ).toEqual({ key: 'k1', source: 's', platform: 'p', campaign: 'c', ad: 'a', adSet: 'as' });
  });
});
