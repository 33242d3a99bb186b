import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';
import { visibleTextProblem } from '../validation/visible-text';

/**
 * An email address. Checks the text is well formed first: class-validator's isEmail throws on an
 * unpaired surrogate (`"\ud800"`), which would make a sign-in a 500 instead of a 400.
 */
export const IsEmailAddress = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || visibleTextProblem(value) !== null) return false;
          try {
            return isEmail(value);
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => `${args?.property ?? 'email'} must be an email`,
      },
    },
    options,
  );
