import type { TrackingLinkFields } from '@parley/contracts';
import { NO_ATTRIBUTION, parseAttribution } from './parse-attribution';

const b64json = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const summerLink: TrackingLinkFields = {
  key: 'summer24fb',
  source: 'facebook',
  platform: 'instagram',
  campaign: 'summer-24',
  ad: 'ad12',
  adSet: null,
};

describe('parseAttribution', () => {
  it("given the key of a tracking link, then the link's fields and its key", () => {
    expect(parseAttribution('summer24fb', [summerLink])).toEqual({
      source: 'facebook',
      platform: 'instagram',
      campaign: 'summer-24',
      ad: 'ad12',
      adSet: null,
      linkKey: 'summer24fb',
      raw: 'summer24fb',
    });
  });

  it('given a key of another case than the link, then it is not that link (keys are exact)', () => {
    expect(parseAttribution('SUMMER24FB', [summerLink])).toEqual({
      ...NO_ATTRIBUTION,
      raw: 'SUMMER24FB',
    });
  });

  it('given base64url JSON, then its known keys, with dashes inside values kept whole', () => {
    const payload = b64json({ s: 'fb', c: 'black-friday', a: 'ad-7', as: 'set3', p: 'ig' });
    expect(parseAttribution(payload)).toEqual({
      source: 'fb',
      platform: 'ig',
      campaign: 'black-friday',
      ad: 'ad-7',
      adSet: 'set3',
      linkKey: null,
      raw: payload,
    });
  });

  it('given base64url JSON with long names and unknown keys, then long names and the rest are ignored', () => {
    const payload = b64json({ source: 'google', campaign: '  ', adSet: 'x', other: 'y' });
    expect(parseAttribution(payload)).toMatchObject({
      source: 'google',
      campaign: null,
      adSet: 'x',
    });
  });

  it('given base64url of JSON that is not an object of known keys, then only raw', () => {
    for (const payload of [b64json([1, 2]), b64json('text'), b64json({ other: 'x' }), 'abc']) {
      expect(parseAttribution(payload)).toEqual({ ...NO_ATTRIBUTION, raw: payload });
    }
  });

  it('given the old positional form, then it is not split: raw only', () => {
    expect(parseAttribution('facebook-summer24-ad12-set3')).toEqual({
      ...NO_ATTRIBUTION,
      raw: 'facebook-summer24-ad12-set3',
    });
  });

  it('given named pairs (widget parameters), then each key by its name, case-insensitively', () => {
    expect(parseAttribution('S=facebook__c=summer-24__a=ad12__ad_set=set3__p=ig__x=1')).toEqual({
      source: 'facebook',
      platform: 'ig',
      campaign: 'summer-24',
      ad: 'ad12',
      adSet: 'set3',
      linkKey: null,
      raw: 'S=facebook__c=summer-24__a=ad12__ad_set=set3__p=ig__x=1',
    });
  });

  it('given no payload or a blank one, then no attribution at all', () => {
    expect(parseAttribution(null)).toEqual(NO_ATTRIBUTION);
    expect(parseAttribution('   ')).toEqual(NO_ATTRIBUTION);
  });
});
