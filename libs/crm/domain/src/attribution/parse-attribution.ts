import type { Attribution } from '@parley/contracts';

/**
 * Where a client came from (R2), read from a deep-link payload (`/start <payload>`) or the
 * web-chat widget's parameters. Two formats:
 *
 * 1. Positional: `source-campaign-ad-adset`, segments split on '-' ('_' may appear inside a
 *    segment): `facebook-summer24-ad12-set3`, `google-black_friday`. Missing or empty segments
 *    are null (`facebook--ad12` has no campaign); segments after the fourth are ignored.
 *    This is what a Telegram deep link can carry: its payload allows only A-Z a-z 0-9 _ -
 *    (at most 64 characters).
 * 2. Named: `key=value` pairs joined by '__': `s=facebook__c=summer24__a=ad12__as=set3`.
 *    Keys: `s`|`source`, `c`|`campaign`, `a`|`ad`, `as`|`adset`|`ad_set`; unknown keys and
 *    pairs without '=' are ignored, empty values are null. Chosen when the payload has '='
 *    (widget parameters and links of systems that can carry it).
 *
 * Values are trimmed. An absent or blank payload gives all nulls. `raw` keeps the payload as
 * it arrived (null when absent or blank), so nothing the parser skipped is lost.
 */
export const parseAttribution = (payload: string | null): Attribution => {
  if (payload === null || payload.trim() === '') return NO_ATTRIBUTION;
  const parsed = payload.includes('=') ? parseNamed(payload) : parsePositional(payload);
  return { ...parsed, raw: payload };
};

export const NO_ATTRIBUTION: Attribution = {
  source: null,
  campaign: null,
  ad: null,
  adSet: null,
  raw: null,
};

type Fields = Omit<Attribution, 'raw'>;

const parsePositional = (payload: string): Fields => {
  const [source, campaign, ad, adSet] = payload.trim().split('-');
  return {
    source: orNull(source),
    campaign: orNull(campaign),
    ad: orNull(ad),
    adSet: orNull(adSet),
  };
};

const KEYS: Readonly<Record<string, keyof Fields>> = {
  s: 'source',
  source: 'source',
  c: 'campaign',
  campaign: 'campaign',
  a: 'ad',
  ad: 'ad',
  as: 'adSet',
  adset: 'adSet',
  ad_set: 'adSet',
};

const parseNamed = (payload: string): Fields => {
  const fields: Record<keyof Fields, string | null> = {
    source: null,
    campaign: null,
    ad: null,
    adSet: null,
  };
  for (const pair of payload.trim().split('__')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trim().toLowerCase();
    const field = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (field) fields[field] = orNull(pair.slice(eq + 1));
  }
  return fields;
};

const orNull = (value: string | undefined): string | null => {
  const v = value?.trim();
  return v ? v : null;
};
