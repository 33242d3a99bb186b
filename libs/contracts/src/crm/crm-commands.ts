import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import type { Role } from '../gateway/gateway-api';
import {
  IsAmount,
  IsCurrency,
  IsStageId,
  IsStoredColour,
  IsTrimmedName,
  STAGE_NAME_MAX,
  TAG_NAME_MAX,
} from './crm-validation';

/** The CRM service's commands topic: `parley.crm.commands`. */
export const CRM_SERVICE = 'crm';

/** Who sent a command that only some may send: the gateway says, from the signed-in user. */
export type ActorRole = Role;
const ROLES: readonly ActorRole[] = ['admin', 'manager'];

/** A phone number as people write it: digits, spaces, `+ ( ) -`, 5 to 32 characters. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{3,30}[0-9]$/;
export const CONTACT_NAME_MAX = 120;
export const ACCOUNT_ID_MAX = 64;

// Contact commands (stream `crm-{contactId}`).

/** `AddTag`: a manager tags a contact; a tag the catalogue lacks is created if the role may. */
export interface AddTagData {
  readonly contactId: string;
  readonly name: string;
  readonly actorRole: ActorRole;
}

export class AddTagDataDto implements AddTagData {
  @IsString() @Length(1, 200) contactId!: string;
  @IsTrimmedName(TAG_NAME_MAX) name!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface RemoveTagData {
  readonly contactId: string;
  readonly name: string;
}

export class RemoveTagDataDto implements RemoveTagData {
  @IsString() @Length(1, 200) contactId!: string;
  @IsTrimmedName(TAG_NAME_MAX) name!: string;
}

/** Assign (or reassign) the responsible manager; `managerId: null` unassigns. */
export interface SetResponsibleManagerData {
  readonly contactId: string;
  readonly managerId: string | null;
}

export class SetResponsibleManagerDataDto implements SetResponsibleManagerData {
  @IsString() @Length(1, 200) contactId!: string;
  @ValidateIf((o: SetResponsibleManagerData) => o.managerId !== null)
  @IsString()
  @Length(1, 200)
  managerId!: string | null;
}

/** The fields a manager edits (R1); a missing field stays as it is, null clears it. */
export interface EditContactData {
  readonly contactId: string;
  readonly name?: string;
  readonly country?: string | null;
  readonly phone?: string | null;
}

export class EditContactDataDto implements EditContactData {
  @IsString() @Length(1, 200) contactId!: string;
  @ValidateIf((o: EditContactData) => o.name !== undefined)
  @IsTrimmedName(CONTACT_NAME_MAX)
  name?: string;
  @IsOptional() @IsISO31661Alpha2() country?: string | null;
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be digits, spaces, + ( ) or -' })
  phone?: string | null;
}

/** `RecordSale` (R6). `saleId` is chosen by the sender, so a retried request records one sale. */
export interface RecordSaleData {
  readonly contactId: string;
  readonly saleId: string;
  readonly accountId: string;
  /** A decimal string with at most the currency's minor digits: `"125.50"`. */
  readonly amount: string;
  readonly currency: string;
}

export class RecordSaleDataDto implements RecordSaleData {
  @IsString() @Length(1, 200) contactId!: string;
  @IsUUID() saleId!: string;
  @IsTrimmedName(ACCOUNT_ID_MAX) accountId!: string;
  @IsCurrency() currency!: string;
  @IsAmount() amount!: string;
}

// Deal commands (stream `crm-{dealId}`).

export interface MoveDealToStageData {
  readonly dealId: string;
  readonly stageId: string;
}

export class MoveDealToStageDataDto implements MoveDealToStageData {
  @IsString() @Length(1, 200) dealId!: string;
  @IsStageId() stageId!: string;
}

export interface ChangeDealLineData {
  readonly dealId: string;
  readonly line: 1 | 2;
}

export class ChangeDealLineDataDto implements ChangeDealLineData {
  @IsString() @Length(1, 200) dealId!: string;
  @IsIn([1, 2]) line!: 1 | 2;
}

// CRM settings commands (stream `crm-{workspaceId}:crm_settings`): admins only (A4).

export interface CreateTagData {
  readonly name: string;
  readonly colour: string;
  readonly actorRole: ActorRole;
}

export class CreateTagDataDto implements CreateTagData {
  @IsTrimmedName(TAG_NAME_MAX) name!: string;
  @IsStoredColour() colour!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface ChangeTagColourData {
  readonly name: string;
  readonly colour: string;
  readonly actorRole: ActorRole;
}

export class ChangeTagColourDataDto implements ChangeTagColourData {
  @IsTrimmedName(TAG_NAME_MAX) name!: string;
  @IsStoredColour() colour!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface ChangeTagSettingsData {
  readonly managersCreateTags: boolean;
  readonly actorRole: ActorRole;
}

export class ChangeTagSettingsDataDto implements ChangeTagSettingsData {
  @IsBoolean() managersCreateTags!: boolean;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface AddStageData {
  readonly stageId: string;
  readonly name: string;
  readonly actorRole: ActorRole;
}

export class AddStageDataDto implements AddStageData {
  @IsStageId() stageId!: string;
  @IsTrimmedName(STAGE_NAME_MAX) name!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface RenameStageData {
  readonly stageId: string;
  readonly name: string;
  readonly actorRole: ActorRole;
}

export class RenameStageDataDto implements RenameStageData {
  @IsStageId() stageId!: string;
  @IsTrimmedName(STAGE_NAME_MAX) name!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface ReorderStagesData {
  /** Every live stage, once, in the new order. */
  readonly stageIds: readonly string[];
  readonly actorRole: ActorRole;
}

export class ReorderStagesDataDto implements ReorderStagesData {
  @IsArray() @ArrayMaxSize(100) @IsStageId({ each: true }) stageIds!: string[];
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface RetireStageData {
  readonly stageId: string;
  readonly actorRole: ActorRole;
}

export class RetireStageDataDto implements RetireStageData {
  @IsStageId() stageId!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}
