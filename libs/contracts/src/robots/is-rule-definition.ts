import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ruleShapeProblems } from './rule-shape';

/**
 * A RuleDefinition by shape (`ruleShapeProblems`); the message names the first wrong fields.
 * What the values mean is the robots domain's check.
 */
export const IsRuleDefinition = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isRuleDefinition',
      validator: {
        validate: (value: unknown) => ruleShapeProblems(value).length === 0,
        defaultMessage: (args) =>
          `${args?.property ?? 'definition'} is not a rule: ${ruleShapeProblems(args?.value)
            .slice(0, 3)
            .map((p) => `${p.field} ${p.reason}`)
            .join('; ')}`,
      },
    },
    options,
  );
