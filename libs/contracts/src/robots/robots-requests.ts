import { IsBoolean, IsOptional } from 'class-validator';
import { IsRuleDefinition } from './is-rule-definition';
import type { RuleDefinition } from './rule-definition';

/**
 * The gateway's rule routes (A4; listed in gateway-api.ts's header). Bodies are validated with a
 * 400 naming the field (a definition of the wrong shape names `definition` and what is wrong in
 * it); unknown fields are refused. What the values mean is the robots service's check (422).
 */

/** `POST /api/robots/rules` (admin): a new rule, enabled unless `enabled` is false. */
export class RuleRequest {
  @IsRuleDefinition() definition!: RuleDefinition;
  @IsOptional() @IsBoolean() enabled?: boolean;
}

/** `PUT /api/robots/rules/:ruleId` (admin): the rule's whole new definition. */
export class RuleChangeRequest {
  @IsRuleDefinition() definition!: RuleDefinition;
}
