import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { NestedList, NestedObject } from '../validation/nested-object';
import type { EventDefinition } from '../upcasting/event-catalog';
import { IsCurrency, IsStageId, IsStoredColour } from './crm-validation';
import {
  IsOptionalTemplateAttachment,
  IsShortcode,
  IsTemplateId,
  IsTemplateName,
  IsTemplateText,
  IsVariableName,
  IsVariableValue,
  TemplateAttachmentDto,
} from './template-validation';
import type {
  Attribution,
  AttributionRecorded,
  ContactCreated,
  ConversionKeyCreated,
  ConversionKeyRevoked,
  ConversionRecorded,
  RegistrationLinkTemplateChanged,
  TagDeleted,
  TrackingLinkCreated,
  ContactEdited,
  ContactFieldChange,
  DealCreated,
  DealLineChanged,
  DealStageChanged,
  EditableContactField,
  ResponsibleManagerAssigned,
  ResponsibleManagerUnassigned,
  SaleRecorded,
  StageAdded,
  StageRenamed,
  StageRetired,
  StagesReordered,
  Tag,
  TagAdded,
  TagColourChanged,
  TagCreated,
  TagRemoved,
  TagSettingsChanged,
  TemplateChanged,
  TemplateCreated,
  TemplateDeleted,
  TemplateFields,
  WorkspaceVariableRemoved,
  WorkspaceVariableSet,
} from './crm-events';

type DataOf<E extends { readonly data: object }> = E['data'];

/**
 * Payload DTOs of the CRM's events, for consumers to validate what they read (style 19). Each
 * `implements` its event's data; nullable fields must be present (null, not missing).
 */

/** A nullable string field: null, or a string. */
const NullableString = (): PropertyDecorator => (target, key) => {
  ValidateIf((o: Record<string | symbol, unknown>) => o[key] !== null)(target, key);
  IsString()(target, key);
};

/** A decimal amount as events store it. */
const AMOUNT = /^\d{1,12}(\.\d{1,3})?$/;

/** A string field added later: absent on older events, else null or a string. */
const LaterNullableString = (): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  IsString()(target, key);
};

export class AttributionDto implements Attribution {
  @NullableString() source!: string | null;
  @LaterNullableString() platform?: string | null;
  @LaterNullableString() linkKey?: string | null;
  @NullableString() campaign!: string | null;
  @NullableString() ad!: string | null;
  @NullableString() adSet!: string | null;
  @NullableString() raw!: string | null;
}

export class ContactCreatedDataDto implements DataOf<ContactCreated> {
  @IsString() @IsNotEmpty() contactId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @Equals('telegram') channel!: 'telegram';
  @Equals('telegram') platform!: 'telegram';
  @IsString() @Length(1, 64) telegramId!: string;
  @NullableString() username!: string | null;
  @IsString() firstName!: string;
  @NullableString() lastName!: string | null;
  @NullableString() languageCode!: string | null;
  @NestedObject(() => AttributionDto) attribution!: AttributionDto;
  @IsOptional() @IsBoolean() started?: boolean;
  @IsISO8601({ strict: true }) createdAt!: string;
}

export class DealCreatedDataDto implements DataOf<DealCreated> {
  @IsString() @IsNotEmpty() dealId!: string;
  @IsString() @IsNotEmpty() contactId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() stage!: string;
  @IsIn([1, 2]) line!: 1 | 2;
  @Equals('telegram') channel!: 'telegram';
  @IsISO8601({ strict: true }) createdAt!: string;
}

export class TagDto implements Tag {
  @IsString() @Length(1, 100) name!: string;
  @IsStoredColour() colour!: string;
}

class ContactChangeDto {
  @IsString() @IsNotEmpty() contactId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
}

class TagChangeDataDto extends ContactChangeDto {
  @NestedObject(() => TagDto) tag!: TagDto;
  @ArrayMaxSize(500) @NestedList(() => TagDto) tags!: TagDto[];
}

export class TagAddedDataDto extends TagChangeDataDto implements DataOf<TagAdded> {}
export class TagRemovedDataDto extends TagChangeDataDto implements DataOf<TagRemoved> {}

export class ResponsibleManagerAssignedDataDto
  extends ContactChangeDto
  implements DataOf<ResponsibleManagerAssigned>
{
  @IsString() @IsNotEmpty() managerId!: string;
  @NullableString() previousManagerId!: string | null;
}

export class ResponsibleManagerUnassignedDataDto
  extends ContactChangeDto
  implements DataOf<ResponsibleManagerUnassigned>
{
  @IsString() @IsNotEmpty() previousManagerId!: string;
}

const EDITABLE_FIELDS: readonly EditableContactField[] = ['name', 'country', 'phone'];

export class ContactFieldChangeDto implements ContactFieldChange {
  @IsIn(EDITABLE_FIELDS) field!: EditableContactField;
  @NullableString() from!: string | null;
  @NullableString() to!: string | null;
}

export class ContactEditedDataDto extends ContactChangeDto implements DataOf<ContactEdited> {
  @ArrayMaxSize(3)
  @NestedList(() => ContactFieldChangeDto)
  changes!: ContactFieldChangeDto[];
}

export class SaleRecordedDataDto extends ContactChangeDto implements DataOf<SaleRecorded> {
  @IsString() @IsNotEmpty() saleId!: string;
  @IsString() @Length(1, 100) accountId!: string;
  @Matches(AMOUNT) amount!: string;
  @IsInt() @IsPositive() amountMinor!: number;
  @IsCurrency() currency!: string;
  @IsISO8601({ strict: true }) recordedAt!: string;
}

export class AttributionRecordedDataDto
  extends ContactChangeDto
  implements DataOf<AttributionRecorded>
{
  @NestedObject(() => AttributionDto) attribution!: AttributionDto;
}

export class ConversionRecordedDataDto
  extends ContactChangeDto
  implements DataOf<ConversionRecorded>
{
  @IsIn(['registration', 'deposit']) conversionType!: 'registration' | 'deposit';
  @IsString() @Length(1, 128) externalId!: string;
  @IsString() @Length(1, 64) keyId!: string;
  @ValidateIf((o: ConversionRecordedDataDto) => o.amount !== null) @Matches(AMOUNT) amount!:
    string | null;
  @ValidateIf((o: ConversionRecordedDataDto) => o.amountMinor !== null)
  @IsInt()
  @IsPositive()
  amountMinor!: number | null;
  @ValidateIf((o: ConversionRecordedDataDto) => o.currency !== null) @IsCurrency() currency!:
    string | null;
  @NullableString() accountId!: string | null;
  @IsISO8601({ strict: true }) occurredAt!: string;
}

class DealChangeDto {
  @IsString() @IsNotEmpty() dealId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
}

export class DealStageChangedDataDto extends DealChangeDto implements DataOf<DealStageChanged> {
  @IsString() @IsNotEmpty() from!: string;
  @IsString() @IsNotEmpty() to!: string;
  @NullableString() fromName!: string | null;
  @IsString() toName!: string;
}

export class DealLineChangedDataDto extends DealChangeDto implements DataOf<DealLineChanged> {
  @IsIn([1, 2]) from!: 1 | 2;
  @IsIn([1, 2]) to!: 1 | 2;
}

export class TagCreatedDataDto extends TagDto implements DataOf<TagCreated> {}

export class TagColourChangedDataDto implements DataOf<TagColourChanged> {
  @IsString() @Length(1, 100) name!: string;
  @IsStoredColour() from!: string;
  @IsStoredColour() to!: string;
}

export class TagSettingsChangedDataDto implements DataOf<TagSettingsChanged> {
  @IsBoolean() managersCreateTags!: boolean;
}

export class StageAddedDataDto implements DataOf<StageAdded> {
  @IsStageId() stageId!: string;
  @IsString() @Length(1, 100) name!: string;
}

export class StageRenamedDataDto implements DataOf<StageRenamed> {
  @IsStageId() stageId!: string;
  @IsString() @Length(1, 100) from!: string;
  @IsString() @Length(1, 100) to!: string;
}

export class StagesReorderedDataDto implements DataOf<StagesReordered> {
  @IsArray() @ArrayMaxSize(100) @IsStageId({ each: true }) stageIds!: string[];
}

export class StageRetiredDataDto implements DataOf<StageRetired> {
  @IsStageId() stageId!: string;
}

export class TagDeletedDataDto implements DataOf<TagDeleted> {
  @IsString() @Length(1, 100) name!: string;
}

export class RegistrationLinkTemplateChangedDataDto implements DataOf<RegistrationLinkTemplateChanged> {
  @ValidateIf((o: RegistrationLinkTemplateChangedDataDto) => o.template !== null)
  @IsString()
  @Length(1, 500)
  template!: string | null;
}

export class TrackingLinkCreatedDataDto implements DataOf<TrackingLinkCreated> {
  @Matches(/^[A-Za-z0-9_-]{1,64}$/) key!: string;
  @IsString() @Length(1, 100) source!: string;
  @NullableString() platform!: string | null;
  @NullableString() campaign!: string | null;
  @NullableString() ad!: string | null;
  @NullableString() adSet!: string | null;
  @IsISO8601({ strict: true }) createdAt!: string;
}

export class ConversionKeyCreatedDataDto implements DataOf<ConversionKeyCreated> {
  @IsString() @Length(1, 64) keyId!: string;
  @IsString() @Length(1, 100) label!: string;
  @IsISO8601({ strict: true }) createdAt!: string;
}

export class ConversionKeyRevokedDataDto implements DataOf<ConversionKeyRevoked> {
  @IsString() @Length(1, 64) keyId!: string;
  @IsISO8601({ strict: true }) revokedAt!: string;
}

/** A template's fields, validated as the commands validate them (template-commands.ts). */
class TemplateFieldsDto implements TemplateFields {
  @IsTemplateId() templateId!: string;
  @IsTemplateName() name!: string;
  @IsShortcode() shortcode!: string;
  @IsTemplateText() text!: string;
  @IsOptionalTemplateAttachment() attachment?: TemplateAttachmentDto;
}

export class TemplateCreatedDataDto extends TemplateFieldsDto implements DataOf<TemplateCreated> {}
export class TemplateChangedDataDto extends TemplateFieldsDto implements DataOf<TemplateChanged> {}

export class TemplateDeletedDataDto implements DataOf<TemplateDeleted> {
  @IsTemplateId() templateId!: string;
}

export class WorkspaceVariableSetDataDto implements DataOf<WorkspaceVariableSet> {
  @IsVariableName() name!: string;
  @IsVariableValue() value!: string;
}

export class WorkspaceVariableRemovedDataDto implements DataOf<WorkspaceVariableRemoved> {
  @IsVariableName() name!: string;
}

/** The CRM's events for the EventCatalog: each still at its first version. */
export const crmEventDefinitions: readonly EventDefinition[] = [
  { type: 'Crm.ContactCreated', schemaVersion: 1, data: ContactCreatedDataDto },
  { type: 'Crm.DealCreated', schemaVersion: 1, data: DealCreatedDataDto },
  { type: 'Crm.TagAdded', schemaVersion: 1, data: TagAddedDataDto },
  { type: 'Crm.TagRemoved', schemaVersion: 1, data: TagRemovedDataDto },
  {
    type: 'Crm.ResponsibleManagerAssigned',
    schemaVersion: 1,
    data: ResponsibleManagerAssignedDataDto,
  },
  {
    type: 'Crm.ResponsibleManagerUnassigned',
    schemaVersion: 1,
    data: ResponsibleManagerUnassignedDataDto,
  },
  { type: 'Crm.ContactEdited', schemaVersion: 1, data: ContactEditedDataDto },
  { type: 'Crm.SaleRecorded', schemaVersion: 1, data: SaleRecordedDataDto },
  { type: 'Crm.DealStageChanged', schemaVersion: 1, data: DealStageChangedDataDto },
  { type: 'Crm.DealLineChanged', schemaVersion: 1, data: DealLineChangedDataDto },
  { type: 'Crm.TagCreated', schemaVersion: 1, data: TagCreatedDataDto },
  { type: 'Crm.TagColourChanged', schemaVersion: 1, data: TagColourChangedDataDto },
  { type: 'Crm.TagSettingsChanged', schemaVersion: 1, data: TagSettingsChangedDataDto },
  { type: 'Crm.StageAdded', schemaVersion: 1, data: StageAddedDataDto },
  { type: 'Crm.StageRenamed', schemaVersion: 1, data: StageRenamedDataDto },
  { type: 'Crm.StagesReordered', schemaVersion: 1, data: StagesReorderedDataDto },
  { type: 'Crm.StageRetired', schemaVersion: 1, data: StageRetiredDataDto },
  { type: 'Crm.AttributionRecorded', schemaVersion: 1, data: AttributionRecordedDataDto },
  { type: 'Crm.ConversionRecorded', schemaVersion: 1, data: ConversionRecordedDataDto },
  { type: 'Crm.TagDeleted', schemaVersion: 1, data: TagDeletedDataDto },
  {
    type: 'Crm.RegistrationLinkTemplateChanged',
    schemaVersion: 1,
    data: RegistrationLinkTemplateChangedDataDto,
  },
  { type: 'Crm.TrackingLinkCreated', schemaVersion: 1, data: TrackingLinkCreatedDataDto },
  { type: 'Crm.ConversionKeyCreated', schemaVersion: 1, data: ConversionKeyCreatedDataDto },
  { type: 'Crm.ConversionKeyRevoked', schemaVersion: 1, data: ConversionKeyRevokedDataDto },
  { type: 'Crm.TemplateCreated', schemaVersion: 1, data: TemplateCreatedDataDto },
  { type: 'Crm.TemplateChanged', schemaVersion: 1, data: TemplateChangedDataDto },
  { type: 'Crm.TemplateDeleted', schemaVersion: 1, data: TemplateDeletedDataDto },
  { type: 'Crm.WorkspaceVariableSet', schemaVersion: 1, data: WorkspaceVariableSetDataDto },
  { type: 'Crm.WorkspaceVariableRemoved', schemaVersion: 1, data: WorkspaceVariableRemovedDataDto },
];
