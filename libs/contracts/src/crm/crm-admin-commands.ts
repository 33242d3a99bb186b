import { IsIn, IsISO8601, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ACCOUNT_ID_MAX, type ActorRole } from './crm-commands';
import {
  ATTRIBUTION_FIELD_MAX,
  CONVERSION_KEY_LABEL_MAX,
  CONVERSION_TYPES,
  EXTERNAL_ID_MAX,
  REGISTRATION_LINK_TEMPLATE_MAX,
  TRACKING_LINK_KEY_PATTERN,
  type ConversionType,
} from './crm-admin-api';
import type { TrackingLinkFields } from './crm-events';
import { IsAmount, IsCurrency, IsTrimmedName, TAG_NAME_MAX } from './crm-validation';

const ROLES: readonly ActorRole[] = ['admin', 'manager'];

/** A nullable trimmed name: null, or 1..max visible characters. */
const NullableName =
  (max: number): PropertyDecorator =>
  (target, key) => {
    ValidateIf((o: Record<string | symbol, unknown>) => o[key] !== null)(target, key);
    IsTrimmedName(max)(target, key);
  };

// CRM settings commands (stream `crm-{workspaceId}:crm_settings`): admins only (A3, A4, R2, R7).

export interface DeleteTagData {
  readonly name: string;
  readonly actorRole: ActorRole;
}

export class DeleteTagDataDto implements DeleteTagData {
  @IsTrimmedName(TAG_NAME_MAX) name!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface SetRegistrationLinkTemplateData {
  readonly template: string | null;
  readonly actorRole: ActorRole;
}

export class SetRegistrationLinkTemplateDataDto implements SetRegistrationLinkTemplateData {
  @ValidateIf((o: SetRegistrationLinkTemplateDataDto) => o.template !== null)
  @IsString()
  @Length(1, REGISTRATION_LINK_TEMPLATE_MAX)
  @Matches(/\{click_id\}/, { message: 'template must contain {click_id}' })
  template!: string | null;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface CreateTrackingLinkData extends TrackingLinkFields {
  readonly actorRole: ActorRole;
}

export class CreateTrackingLinkDataDto implements CreateTrackingLinkData {
  @Matches(TRACKING_LINK_KEY_PATTERN) key!: string;
  @IsTrimmedName(ATTRIBUTION_FIELD_MAX) source!: string;
  @NullableName(ATTRIBUTION_FIELD_MAX) platform!: string | null;
  @NullableName(ATTRIBUTION_FIELD_MAX) campaign!: string | null;
  @NullableName(ATTRIBUTION_FIELD_MAX) ad!: string | null;
  @NullableName(ATTRIBUTION_FIELD_MAX) adSet!: string | null;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface CreateConversionKeyData {
  readonly keyId: string;
  readonly label: string;
  readonly actorRole: ActorRole;
}

export class CreateConversionKeyDataDto implements CreateConversionKeyData {
  @Matches(/^[A-Za-z0-9_-]{8,64}$/) keyId!: string;
  @IsTrimmedName(CONVERSION_KEY_LABEL_MAX) label!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface RevokeConversionKeyData {
  readonly keyId: string;
  readonly actorRole: ActorRole;
}

export class RevokeConversionKeyDataDto implements RevokeConversionKeyData {
  @Matches(/^[A-Za-z0-9_-]{1,64}$/) keyId!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

// Contact command (stream `crm-{contactId}`).

/** `RecordConversion`: the gateway verified the signature; the contact is resolved. */
export interface RecordConversionData {
  readonly contactId: string;
  readonly conversionType: ConversionType;
  readonly externalId: string;
  readonly keyId: string;
  readonly amount: string | null;
  readonly currency: string | null;
  readonly accountId: string | null;
  readonly occurredAt: string;
}

export class RecordConversionDataDto implements RecordConversionData {
  @IsString() @Length(1, 200) contactId!: string;
  @IsIn(CONVERSION_TYPES) conversionType!: ConversionType;
  @IsString() @Length(1, EXTERNAL_ID_MAX) externalId!: string;
  @IsString() @Length(1, 64) keyId!: string;
  @ValidateIf((o: RecordConversionDataDto) => o.amount !== null || o.currency !== null)
  @IsAmount()
  amount!: string | null;
  @ValidateIf((o: RecordConversionDataDto) => o.amount !== null || o.currency !== null)
  @IsCurrency()
  currency!: string | null;
  @NullableName(ACCOUNT_ID_MAX) accountId!: string | null;
  @IsISO8601({ strict: true }) occurredAt!: string;
}
