import { parseAttribution } from './parse-attribution';

describe('parseAttribution', () => {
  it('given a positional payload with every segment, then it reads source, campaign, ad and ad set', () => {
    expect(parseAttribution('facebook-summer24-ad12-set3')).toEqual({
      source: 'facebook',
      campaign: 'summer24',
      ad: 'ad12',
      adSet: 'set3',
      raw: 'facebook-summer24-ad12-set3',
    });
  });

  it("given '_' inside segments, then they stay part of the segment", () => {
    expect(parseAttribution('google_ads-black_friday-ad_7')).toEqual({
      source: 'google_ads',
      campaign: 'black_friday',
      ad: 'ad_7',
      adSet: null,
      raw: 'google_ads-black_friday-ad_7',
    });
  });

  it('given missing or empty segments, then those are null', () => {
    expect(parseAttribution('facebook')).toMatchObject({
      source: 'facebook',
      campaign: null,
      ad: null,
      adSet: null,
    });
    expect(parseAttribution('facebook--ad12')).toMatchObject({
      source: 'facebook',
      campaign: null,
      ad: 'ad12',
      adSet: null,
    });
  });

  it('given more than four segments, then the extra ones are ignored and kept in raw', () => {
    expect(parseAttribution('fb-c-a-s-extra')).toEqual({
      source: 'fb',
      campaign: 'c',
      ad: 'a',
      adSet: 's',
      raw: 'fb-c-a-s-extra',
    });
  });

  it('given key=value pairs joined by __, then it reads them by key', () => {
    expect(parseAttribution('s=facebook__c=summer24__a=ad12__as=set3')).toEqual({
      source: 'facebook',
      campaign: 'summer24',
      ad: 'ad12',
      adSet: 'set3',
      raw: 's=facebook__c=summer24__a=ad12__as=set3',
    });
  });

  it('given named pairs in any order, long keys, unknown keys and empty values, then it reads what it knows', () => {
    expect(parseAttribution('campaign=winter-sale__utm=x__source=tiktok__ad=__ad_set=s_1')).toEqual(
      {
        source: 'tiktok',
        campaign: 'winter-sale',
        ad: null,
        adSet: 's_1',
        raw: 'campaign=winter-sale__utm=x__source=tiktok__ad=__ad_set=s_1',
      },
    );
  });

  it('given no payload or a blank one, then everything is null', () => {
    const none = { source: null, campaign: null, ad: null, adSet: null, raw: null };
    expect(parseAttribution(null)).toEqual(none);
    expect(parseAttribution('')).toEqual(none);
    expect(parseAttribution('   ')).toEqual(none);
  });
});
