import { registerDecorator, type ValidationOptions } from 'class-validator';
import { dueAtProblem, isKnownTimeZone } from './due-time';

/** class-validator rule: an ISO 8601 date and time with an offset (`dueAtProblem`). */
export const IsDueAt =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isDueAt',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && dueAtProblem(value) === null,
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          const problem = typeof value === 'string' ? dueAtProblem(value) : 'must be a string';
          return `${args?.property ?? 'dueAt'} ${problem ?? 'must be a due time'}`;
        },
      },
    });
  };

/** class-validator rule: an IANA time zone name the runtime knows (Intl). */
export const IsKnownTimeZone =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isKnownTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isKnownTimeZone(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'timeZone'} must be an IANA time zone name, like Europe/Moscow`,
      },
    });
  };
