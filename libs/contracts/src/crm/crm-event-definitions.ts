import { Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { EventDefinition } from '../upcasting/event-catalog';
import type { Attribution, ContactCreated, DealCreated } from './crm-events';

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

export class AttributionDto implements Attribution {
  @NullableString() source!: string | null;
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
  @IsDefined() @ValidateNested() @Type(() => AttributionDto) attribution!: AttributionDto;
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

/** The CRM's events for the EventCatalog: each still at its first version. */
export const crmEventDefinitions: readonly EventDefinition[] = [
  { type: 'Crm.ContactCreated', schemaVersion: 1, data: ContactCreatedDataDto },
  { type: 'Crm.DealCreated', schemaVersion: 1, data: DealCreatedDataDto },
];
