import type { CreateTrackingLinkRequest, TrackingLinkView } from '@parley/contracts';

/** What Telegram allows after `/start` (TRACKING_LINK_KEY_PATTERN in the contracts). */
export const TRACKING_LINK_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** What to copy for a link: the t.me deep link, or the `/start` command when the bot is unknown. */
export const deepLinkText = (link: Pick<TrackingLinkView, 'key' | 'deepLink'>): string =>
  link.deepLink ?? `/start ${link.key}`;

/** The admin's typing in the new-link form. */
export interface TrackingLinkForm {
  readonly key: string;
  readonly source: string;
  readonly platform: string;
  readonly campaign: string;
  readonly ad: string;
  readonly adSet: string;
}

export const EMPTY_TRACKING_LINK_FORM: TrackingLinkForm = {
  key: '',
  source: '',
  platform: '',
  campaign: '',
  ad: '',
  adSet: '',
};

export type TrackingLinkFormProblem = 'source-missing' | 'key-invalid';

/** Why the form cannot be sent yet: the source is required; a key, if typed, must fit Telegram. */
export const trackingLinkFormProblem = (form: TrackingLinkForm): TrackingLinkFormProblem | null => {
  if (form.source.trim() === '') return 'source-missing';
  const key = form.key.trim();
  if (key !== '' && !TRACKING_LINK_KEY_PATTERN.test(key)) return 'key-invalid';
  return null;
};

/** The request body: trimmed, blank optional fields left out (the gateway then picks the key). */
export const trackingLinkRequest = (form: TrackingLinkForm): CreateTrackingLinkRequest => {
  const optional = (value: string): string | undefined =>
    value.trim() === '' ? undefined : value.trim();
  const request: CreateTrackingLinkRequest = { source: form.source.trim() };
  const key = optional(form.key);
  const platform = optional(form.platform);
  const campaign = optional(form.campaign);
  const ad = optional(form.ad);
  const adSet = optional(form.adSet);
  if (key !== undefined) request.key = key;
  if (platform !== undefined) request.platform = platform;
  if (campaign !== undefined) request.campaign = campaign;
  if (ad !== undefined) request.ad = ad;
  if (adSet !== undefined) request.adSet = adSet;
  return request;
};
