import { IsIn, IsInt, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import type { CommandResponse } from '../gateway/gateway-api';
import type { TrackingLinkFields } from './crm-events';
import { ACCOUNT_ID_MAX } from './crm-commands';
import { IsAmount, IsCurrency, IsName } from './crm-validation';

/**
 * The gateway's CRM admin API (issue 10, A3/A4/R2/R7) and the public conversions endpoint.
 * Request bodies are validated with a 400 naming the field.
 */

/** Tracking-link keys: what Telegram allows after `/start` (A–Z a–z 0–9 _ -), at most 64. */
export const TRACKING_LINK_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ATTRIBUTION_FIELD_MAX = 100;
export const CONVERSION_KEY_LABEL_MAX = 60;
export const REGISTRATION_LINK_TEMPLATE_MAX = 500;
export const EXTERNAL_ID_MAX = 128;
/** The placeholder a registration-link template must hold. */
export const CLICK_ID_PLACEHOLDER = '{click_id}';

/** `GET /api/crm/settings`: what every signed-in user may read of the workspace's CRM settings. */
export interface CrmSettingsView {
  readonly managersCreateTags: boolean;
  /** An URL with `{click_id}` (R7), or null when the admin has not set one. */
  readonly registrationLinkTemplate: string | null;
}

/** `PUT /api/crm/registration-link` (admin): a template holding `{click_id}`, or null to clear. */
export class RegistrationLinkTemplateRequest {
  @ValidateIf((o: RegistrationLinkTemplateRequest) => o.template !== null)
  @IsString()
  @Length(1, REGISTRATION_LINK_TEMPLATE_MAX)
  @Matches(/^https?:\/\/\S+$/, { message: 'template must be an http(s) URL without spaces' })
  @Matches(/\{click_id\}/, { message: 'template must contain {click_id}' })
  template!: string | null;
}

/** One tracking link (R2) as the admin screen lists it. */
export interface TrackingLinkView extends TrackingLinkFields {
  readonly createdAt: string;
  /** Clients whose first `/start` carried this key. */
  readonly clients: number;
  /** `https://t.me/<bot>?start=<key>`, or null when the gateway does not know the bot's username. */
  readonly deepLink: string | null;
}

/** `GET /api/crm/tracking-links` (admin), newest first. */
export interface TrackingLinkList {
  readonly items: readonly TrackingLinkView[];
}

/** `POST /api/crm/tracking-links` (admin); without `key` the gateway picks a short one. */
export class CreateTrackingLinkRequest {
  @IsOptional()
  @Matches(TRACKING_LINK_KEY_PATTERN, {
    message: 'key must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -',
  })
  key?: string;
  @IsName(ATTRIBUTION_FIELD_MAX) source!: string;
  @IsOptional() @IsName(ATTRIBUTION_FIELD_MAX) platform?: string;
  @IsOptional() @IsName(ATTRIBUTION_FIELD_MAX) campaign?: string;
  @IsOptional() @IsName(ATTRIBUTION_FIELD_MAX) ad?: string;
  @IsOptional() @IsName(ATTRIBUTION_FIELD_MAX) adSet?: string;
}

export interface CreateTrackingLinkResponse extends CommandResponse {
  readonly key: string;
}

/** A key external systems sign conversions with (A3); the secret is never listed. */
export interface ConversionKeyView {
  readonly keyId: string;
  readonly label: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** `GET /api/crm/conversion-keys` (admin), newest first. */
export interface ConversionKeyList {
  readonly items: readonly ConversionKeyView[];
}

/** `POST /api/crm/conversion-keys` (admin). */
export class CreateConversionKeyRequest {
  @IsName(CONVERSION_KEY_LABEL_MAX) label!: string;
}

/** The secret is in this answer only; `POST /api/crm/conversion-keys/:keyId/revoke` ends a key. */
export interface CreateConversionKeyResponse extends CommandResponse {
  readonly keyId: string;
  readonly secret: string;
}

/** `GET /api/users`: the workspace's users, for pickers. */
export interface WorkspaceUserView {
  readonly id: string;
  readonly name: string;
  readonly role: 'admin' | 'manager';
}

export interface WorkspaceUserList {
  readonly users: readonly WorkspaceUserView[];
}

export const CONVERSION_TYPES = ['registration', 'deposit'] as const;
export type ConversionType = (typeof CONVERSION_TYPES)[number];

/**
 * `POST /api/conversions` (A3), from an external system, not a signed-in user. Headers:
 * `Parley-Key: <keyId>`, `Parley-Timestamp: <unix seconds>`, `Parley-Signature: sha256=<hex>`
 * (HMAC-SHA256 with the key's secret over `<timestamp>.<raw body>`). The contact is named by
 * exactly one of `telegramId` and `clickId`; a deposit carries amount and currency.
 */
export class ConversionRequest {
  @IsIn(CONVERSION_TYPES, { message: 'type must be registration or deposit' })
  type!: ConversionType;
  @Length(1, EXTERNAL_ID_MAX)
  @Matches(/^[\x21-\x7e]+$/, { message: 'externalId must be printable ASCII without spaces' })
  externalId!: string;
  @ValidateIf((o: ConversionRequest) => o.clickId === undefined || o.telegramId !== undefined)
  @Matches(/^[0-9]{1,20}$/, {
    message: "telegramId must be the client's numeric Telegram id (or give clickId)",
  })
  telegramId?: string;
  @ValidateIf((o: ConversionRequest) => o.telegramId === undefined || o.clickId !== undefined)
  @Matches(/^[A-Za-z0-9_-]{22}$/, {
    message:
      'clickId must be the 22-character click id of a registration link (or give telegramId)',
  })
  clickId?: string;
  @ValidateIf((o: ConversionRequest) => o.type === 'deposit' || o.amount !== undefined)
  @IsCurrency()
  currency?: string;
  @ValidateIf((o: ConversionRequest) => o.type === 'deposit' || o.amount !== undefined)
  @IsAmount()
  amount?: string;
  @IsOptional() @IsName(ACCOUNT_ID_MAX) accountId?: string;
  /** When it happened at the external system (unix seconds); defaults to when Parley got it. */
  @IsOptional() @IsInt() occurredAt?: number;
}
