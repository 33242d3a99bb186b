import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import type { ActorRole } from '../crm/crm-commands';
import { IsRuleDefinition } from './is-rule-definition';
import type { RuleDefinition } from './rule-definition';

/** The robots service's commands topic: `parley.robots.commands`. */
export const ROBOTS_SERVICE = 'robots';

const ROLES: readonly ActorRole[] = ['admin', 'manager'];

/** Command `CreateRule` (A4): an admin adds a rule; `ruleId` is chosen by the sender. */
export interface CreateRuleData {
  readonly ruleId: string;
  readonly definition: RuleDefinition;
  readonly enabled: boolean;
  readonly actorRole: ActorRole;
}

export class CreateRuleDataDto implements CreateRuleData {
  @IsUUID() ruleId!: string;
  @IsRuleDefinition() definition!: RuleDefinition;
  @IsBoolean() enabled!: boolean;
  @IsIn(ROLES) actorRole!: ActorRole;
}

/** Command `ChangeRule`: the rule's whole new definition. */
export interface ChangeRuleData {
  readonly ruleId: string;
  readonly definition: RuleDefinition;
  readonly actorRole: ActorRole;
}

export class ChangeRuleDataDto implements ChangeRuleData {
  @IsUUID() ruleId!: string;
  @IsRuleDefinition() definition!: RuleDefinition;
  @IsIn(ROLES) actorRole!: ActorRole;
}

/** Commands `EnableRule`, `DisableRule`, `DeleteRule`. */
export interface RuleRefData {
  readonly ruleId: string;
  readonly actorRole: ActorRole;
}

export class RuleRefDataDto implements RuleRefData {
  @IsUUID() ruleId!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}
