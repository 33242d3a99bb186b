import { Transform } from 'class-transformer';
import {
  IsString,
  Length,
  Matches,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { IsVisibleText } from '../validation/visible-text';
import { amountProblem, isCurrency } from './money';

/** Tag names: trimmed, 1 to 40 characters, something visible. */
export const TAG_NAME_MAX = 40;
/** Stage names: trimmed, 1 to 60 characters, something visible. */
export const STAGE_NAME_MAX = 60;

const trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A name typed by a person: trimmed on the way in, then 1..max visible characters. */
export const IsName =
  (max: number): PropertyDecorator =>
  (target, key) => {
    trimmed()(target, key);
    IsString()(target, key);
    Length(1, max)(target, key);
    IsVisibleText()(target, key);
  };

/** A name as stored: already trimmed (commands carry what the API normalized). */
export const IsTrimmedName =
  (max: number): PropertyDecorator =>
  (target, key) => {
    IsString()(target, key);
    Length(1, max)(target, key);
    IsVisibleText()(target, key);
    Matches(/^\S(?:[\s\S]*\S)?$/, {
      message: `${String(key)} must not start or end with white space`,
    })(target, key);
  };

/** A colour as stored: `#rrggbb`, lower case. */
export const IsStoredColour = (): PropertyDecorator =>
  Matches(/^#[0-9a-f]{6}$/, { message: 'colour must be written #rrggbb in lower case' });

/** A colour as `#rrggbb` (any case on the way in; the API stores lower case). */
export const IsColour = (): PropertyDecorator => (target, key) => {
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )(target, key);
  Matches(/^#[0-9a-f]{6}$/, { message: `${String(key)} must be a colour written #rrggbb` })(
    target,
    key,
  );
};

/** An ISO 4217 currency code Node knows (`USD`, `EUR`, `RUB`, ...). */
export const IsCurrency = (): PropertyDecorator => (target, key) =>
  registerDecorator({
    name: 'isCurrency',
    target: target.constructor,
    propertyName: String(key),
    validator: {
      validate: (value: unknown) => isCurrency(value),
      defaultMessage: (a?: ValidationArguments) =>
        `${a?.property ?? 'currency'} must be an ISO 4217 currency code such as USD or EUR`,
    },
  });

/** A positive decimal string with at most the minor digits of the object's `currency`. */
export const IsAmount = (): PropertyDecorator => (target, key) =>
  registerDecorator({
    name: 'isAmount',
    target: target.constructor,
    propertyName: String(key),
    validator: {
      validate: (value: unknown, a: ValidationArguments) =>
        amountProblem(value, (a.object as { currency?: unknown }).currency) === null,
      defaultMessage: (a?: ValidationArguments) =>
        amountProblem(a?.value, (a?.object as { currency?: unknown } | undefined)?.currency) ??
        'amount is not valid',
    },
  });

/** A stage id: what DEFAULT_PIPELINE uses (`in_progress`) or a UUID; no `.`, no spaces. */
export const IsStageId =
  (options: { each?: boolean } = {}): PropertyDecorator =>
  (target, key) => {
    IsString(options)(target, key);
    Matches(/^[A-Za-z0-9_-]{1,64}$/, {
      ...options,
      message: `${String(key)} must be 1 to 64 letters, digits, _ or -`,
    })(target, key);
  };
