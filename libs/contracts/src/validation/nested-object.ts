import { Type, type TypeHelpOptions, type TypeOptions } from 'class-transformer';
import { IsArray, IsObject, ValidateNested, type ValidationArguments } from 'class-validator';

/** What `@Type` takes: the class a nested value becomes (or Object with a discriminator). */
type NestedClass = (options?: TypeHelpOptions) => abstract new (...args: never[]) => object;

const oneObject = ({ property, value }: ValidationArguments): string =>
  Array.isArray(value)
    ? `${property} must be a single object, not a list`
    : `${property} must be an object`;

const listOfObjects = ({ property }: ValidationArguments): string =>
  `${property} must be a list of objects, not of lists or values`;

/**
 * One nested object of class `type` (`@Type`'s options pass through: a discriminator picks the
 * class by `kind`). Required unless `@IsOptional` or `@ValidateIf` says otherwise.
 *
 * Why not `@ValidateNested() @Type(...)` alone: class-validator walks an array found there as a
 * list of such objects whatever the declaration says, so `metadata: []` passed, and so did
 * `metadata: [{...}]`, and a missing value was never looked at. `@IsObject` refuses null,
 * undefined and arrays, and the message says which one it got, naming the field.
 */
export const NestedObject =
  (type: NestedClass, options?: TypeOptions): PropertyDecorator =>
  (target, key) => {
    IsObject({ message: oneObject })(target, key);
    ValidateNested()(target, key);
    Type(type, options)(target, key);
  };

/**
 * A list of nested objects of class `type`. `@ValidateNested({ each: true })` alone walks an
 * array inside the list as a list too, so `tags: [[]]` passed; each item must be an object.
 */
export const NestedList =
  (type: NestedClass, options?: TypeOptions): PropertyDecorator =>
  (target, key) => {
    IsArray()(target, key);
    IsObject({ each: true, message: listOfObjects })(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type, options)(target, key);
  };
