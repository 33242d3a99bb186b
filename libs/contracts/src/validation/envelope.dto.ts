import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
} from 'class-validator';
import { NestedObject } from './nested-object';
import { ACTOR_KINDS, type ActorKind } from '../envelope/actor';

export class ActorDto {
  @IsIn(ACTOR_KINDS) kind!: ActorKind;
  @IsString() @IsNotEmpty() id!: string;
}

export class EventMetadataDto {
  @IsString() @IsNotEmpty() eventId!: string;
  @IsString() @IsNotEmpty() workspaceId!: string;
  @IsString() @IsNotEmpty() aggregateId!: string;
  @IsISO8601({ strict: true }) occurredAt!: string;
  @IsInt() @Min(1) schemaVersion!: number;
  @IsString() @IsNotEmpty() correlationId!: string;
  @IsOptional() @IsString() @IsNotEmpty() causationId!: string | null;
  @NestedObject(() => ActorDto) actor!: ActorDto;
}

export class EventEnvelopeDto {
  @Matches(/^[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*$/, {
    message: 'type must look like Context.ThingHappened',
  })
  type!: string;
  @IsObject() data!: Record<string, unknown>;
  @NestedObject(() => EventMetadataDto) metadata!: EventMetadataDto;
}

export class CommandMetadataDto {
  @IsString() @IsNotEmpty() workspaceId!: string;
  @IsString() @IsNotEmpty() aggregateId!: string;
  @IsISO8601({ strict: true }) issuedAt!: string;
  @IsString() @IsNotEmpty() correlationId!: string;
  @IsOptional() @IsString() @IsNotEmpty() causationId!: string | null;
  @NestedObject(() => ActorDto) actor!: ActorDto;
}

export class CommandEnvelopeDto {
  @IsString() @IsNotEmpty() commandId!: string;
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'service must be a lower-case service name' })
  service!: string;
  @Matches(/^[A-Z][A-Za-z]*$/, { message: 'type must be an imperative PascalCase name' })
  type!: string;
  @IsObject() data!: Record<string, unknown>;
  @NestedObject(() => CommandMetadataDto) metadata!: CommandMetadataDto;
}
