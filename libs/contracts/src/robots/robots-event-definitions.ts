import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateIf,
  ValidateBy,
} from 'class-validator';
import type { EventDefinition } from '../upcasting/event-catalog';
import { IsRuleDefinition } from './is-rule-definition';
import type { RuleAction, RuleDefinition } from './rule-definition';
import { ruleShapeProblems } from './rule-shape';
import type {
  RuleChanged,
  RuleCreated,
  RuleDeleted,
  RuleDisabled,
  RuleEnabled,
  RoundRobinTurnTaken,
  RuleRan,
} from './robots-events';

type DataOf<E extends { readonly data: object }> = E['data'];

/** Actions as a rule has them: checked by the shape of a one-action rule. */
const AreRuleActions = (): PropertyDecorator =>
  ValidateBy({
    name: 'areRuleActions',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        ruleShapeProblems({
          name: 'actions',
          trigger: { kind: 'message_received' },
          conditions: [],
          actions: value,
        }).length === 0,
      defaultMessage: () => 'actions must be rule actions',
    },
  });

/** Payload DTOs of the robots' events, for consumers to validate what they read (style 19). */
export class RuleCreatedDataDto implements DataOf<RuleCreated> {
  @IsUUID() ruleId!: string;
  @IsRuleDefinition() definition!: RuleDefinition;
  @IsInt() @Min(0) position!: number;
  @IsBoolean() enabled!: boolean;
  @IsString() @IsNotEmpty() @MaxLength(200) createdBy!: string;
}

export class RuleChangedDataDto implements DataOf<RuleChanged> {
  @IsUUID() ruleId!: string;
  @IsRuleDefinition() definition!: RuleDefinition;
  @IsString() @IsNotEmpty() @MaxLength(200) changedBy!: string;
}

export class RuleEnabledDataDto implements DataOf<RuleEnabled> {
  @IsUUID() ruleId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) enabledBy!: string;
}

export class RuleDisabledDataDto implements DataOf<RuleDisabled> {
  @IsUUID() ruleId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) disabledBy!: string;
}

export class RuleDeletedDataDto implements DataOf<RuleDeleted> {
  @IsUUID() ruleId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) deletedBy!: string;
}

export class RuleRanDataDto implements DataOf<RuleRan> {
  @IsUUID() runId!: string;
  @IsUUID() ruleId!: string;
  @IsString() @Length(1, 200) ruleName!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsIn(['run', 'stopped']) outcome!: 'run' | 'stopped';
  @AreRuleActions() actions!: RuleAction[];
  @ValidateIf((o: RuleRanDataDto) => o.reason !== null) @IsString() reason!: string | null;
  @IsInt() @Min(0) depth!: number;
  @IsISO8601({ strict: true }) ranAt!: string;
}

/** The robots' events for the EventCatalog: each at its first version. */
export class RoundRobinTurnTakenDataDto implements DataOf<RoundRobinTurnTaken> {
  @IsUUID() ruleId!: string;
  @IsString() @Length(1, 200) turnKey!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @Length(1, 200) managerId!: string;
  @IsInt() @Min(0) turn!: number;
}

export const robotsEventDefinitions: readonly EventDefinition[] = [
  { type: 'Robots.RuleCreated', schemaVersion: 1, data: RuleCreatedDataDto },
  { type: 'Robots.RuleChanged', schemaVersion: 1, data: RuleChangedDataDto },
  { type: 'Robots.RuleEnabled', schemaVersion: 1, data: RuleEnabledDataDto },
  { type: 'Robots.RuleDisabled', schemaVersion: 1, data: RuleDisabledDataDto },
  { type: 'Robots.RuleDeleted', schemaVersion: 1, data: RuleDeletedDataDto },
  { type: 'Robots.RuleRan', schemaVersion: 1, data: RuleRanDataDto },
  { type: 'Robots.RoundRobinTurnTaken', schemaVersion: 1, data: RoundRobinTurnTakenDataDto },
];
