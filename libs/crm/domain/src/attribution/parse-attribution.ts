import type { Attribution, TrackingLinkFields } from '@parley/contracts';

export const NO_ATTRIBUTION: Attribution = {
  source: null,
  platform: null,
  campaign: null,
  ad: null,
  adSet: null,
  linkKey: null,
  raw: null,
};

/**
 * Where a client came from (R2), read from a deep-link payload (`/start <payload>`) or the
 * web-chat widget's parameters, tried in this order:
 *
 * 1. The key of a tracking link an admin created (`summer24fb`): the link's fields.
 * 2. Named pairs, chosen when the payload has '=' (widget parameters; Telegram's payload cannot
 *    carry '='): `s=facebook__c=summer-24__a=ad12__as=set3__p=instagram`.
 * 3. Base64url JSON, the alternative for systems that build links themselves:
 *    base64url(`{"s":"facebook","c":"summer-24"}`) (Telegram allows 64 characters, so keep
 *    it short).
 *
 * Keys of 2 and 3: `s`|`source`, `p`|`platform`, `c`|`campaign`, `a`|`ad`,
 * `as`|`adset`|`ad_set`|`adSet`; unknown keys are ignored, empty values are null, values are
 * trimmed. A payload none of these reads keeps only `raw`. The positional form
 * (`source-campaign-ad`) is gone: a campaign named `black-friday` split into the wrong fields
 * without anyone noticing. `raw` keeps the payload as it arrived (null when absent or blank).
 */
export const parseAttribution = (
  payload: string | null,
  trackingLinks: readonly TrackingLinkFields[] = [],
): Attribution => {
  if (payload === null || payload.trim() === '') return NO_ATTRIBUTION;
  const trimmed = payload.trim();
  const link = trackingLinks.find((l) => l.key === trimmed);
  if (link) {
    const { key, source, platform, campaign, ad, adSet } = link;
    return { source, platform, campaign, ad, adSet, linkKey: key, raw: payload };
  }
  const fields = trimmed.includes('=') ? parseNamed(trimmed) : parseBase64Json(trimmed);
  return { ...(fields ?? NO_FIELDS), linkKey: null, raw: payload };
};

type Fields = Required<Omit<Attribution, 'raw' | 'linkKey'>>;
type FieldName = keyof Fields;

const NO_FIELDS: Fields = { source: null, platform: null, campaign: null, ad: null, adSet: null };

const KEYS: Readonly<Record<string, FieldName>> = {
  s: 'source',
  source: 'source',
  p: 'platform',
  platform: 'platform',
  c: 'campaign',
  campaign: 'campaign',
  a: 'ad',
  ad: 'ad',
  as: 'adSet',
  adset: 'adSet',
  ad_set: 'adSet',
};

const FIELD_MAX = 100;

const fieldOf = (key: string): FieldName | undefined => {
  const k = key.trim().toLowerCase();
  return Object.hasOwn(KEYS, k) ? KEYS[k] : undefined;
};

const orNull = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return v ? v.slice(0, FIELD_MAX) : null;
};

const parseNamed = (payload: string): Fields => {
  const fields: Record<FieldName, string | null> = { ...NO_FIELDS };
  for (const pair of payload.split('__')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const field = fieldOf(pair.slice(0, eq));
    if (field) fields[field] = orNull(pair.slice(eq + 1));
  }
  return fields;
};

/** The fields of a base64url JSON object, or null when the payload is not one. */
const parseBase64Json = (payload: string): Fields | null => {
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  let value: unknown;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields: Record<FieldName, string | null> = { ...NO_FIELDS };
  let known = false;
  for (const [key, v] of Object.entries(value)) {
    const field = fieldOf(key);
    if (!field) continue;
    fields[field] = orNull(v);
    known = true;
  }
  return known ? fields : null;
};
