import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
} from 'class-validator';
import { ACCOUNT_ID_MAX, CONTACT_NAME_MAX, PHONE_PATTERN } from './crm-commands';
import type { PipelineStage, Tag } from './crm-events';
import {
  IsAmount,
  IsColour,
  IsCurrency,
  IsName,
  IsStageId,
  STAGE_NAME_MAX,
  TAG_NAME_MAX,
} from './crm-validation';

/**
 * The gateway's CRM API (issue 10): request bodies, validated with a 400 naming the field, and
 * what the reads answer. Names are trimmed and colours lower-cased on the way in.
 */

/** `GET /api/crm/tags`. */
export interface TagCatalogue {
  readonly tags: readonly Tag[];
  /** Whether a manager who adds a tag the catalogue lacks creates it (else only admins). */
  readonly managersCreateTags: boolean;
}

/** `GET /api/crm/pipeline`: every stage in order, retired ones after the live ones. */
export interface Pipeline {
  readonly stages: readonly PipelineStage[];
}

/** `POST /api/chats/:conversationId/tags`. */
export class AddTagRequest {
  @IsName(TAG_NAME_MAX) name!: string;
}

/** `POST /api/crm/tags` (admin). */
export class CreateTagRequest {
  @IsName(TAG_NAME_MAX) name!: string;
  @IsColour() colour!: string;
}

/** `PATCH /api/crm/tags/:name` (admin). */
export class ChangeTagColourRequest {
  @IsColour() colour!: string;
}

/** `PUT /api/crm/tags/settings` (admin). */
export class TagSettingsRequest {
  @IsBoolean() managersCreateTags!: boolean;
}

/** `POST /api/crm/pipeline/stages` (admin); without `stageId` the gateway picks one. */
export class AddStageRequest {
  @IsName(STAGE_NAME_MAX) name!: string;
  @IsOptional() @IsStageId() stageId?: string;
}

/** `PATCH /api/crm/pipeline/stages/:stageId` (admin). */
export class RenameStageRequest {
  @IsName(STAGE_NAME_MAX) name!: string;
}

/** `PUT /api/crm/pipeline/order` (admin): every live stage once. */
export class ReorderStagesRequest {
  @IsArray() @ArrayMaxSize(100) @IsStageId({ each: true }) stageIds!: string[];
}

/** `POST /api/chats/:conversationId/stage`. */
export class MoveDealToStageRequest {
  @IsStageId() stageId!: string;
}

/** `POST /api/chats/:conversationId/line`. */
export class ChangeDealLineRequest {
  @IsIn([1, 2], { message: 'line must be 1 or 2' }) line!: 1 | 2;
}

/** `PUT /api/chats/:conversationId/responsible-manager`: a user id, or null to unassign. */
export class SetResponsibleManagerRequest {
  @ValidateIf((o: SetResponsibleManagerRequest) => o.managerId !== null)
  @IsString()
  managerId!: string | null;
}

/**
 * `PATCH /api/chats/:conversationId/contact`: only name, country (ISO 3166-1 alpha-2) and phone;
 * any other field (telegramId, username, attribution, ...) is refused with 400.
 */
export class EditContactRequest {
  @ValidateIf((o: EditContactRequest) => o.name !== undefined)
  @IsName(CONTACT_NAME_MAX)
  name?: string;
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string | null;
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be digits, spaces, + ( ) or -' })
  phone?: string | null;
}

/** `POST /api/chats/:conversationId/sales` (R6). `amount` is a decimal string: `"125.50"`. */
export class RecordSaleRequest {
  @IsName(ACCOUNT_ID_MAX) accountId!: string;
  @IsCurrency() currency!: string;
  @IsAmount() amount!: string;
  /** Optional client-chosen id: a retried request with the same id records one sale. */
  @IsOptional() @IsUUID() saleId?: string;
}
