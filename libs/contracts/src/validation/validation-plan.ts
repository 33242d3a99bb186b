import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import {
  getMetadataStorage,
  ValidationTypes,
  type MetadataStorage,
  type ValidationArguments,
} from 'class-validator';
import { EventEnvelopeDto } from './envelope.dto';

/**
 * Why this file exists (issue 8, third round): every message crosses three or four processes,
 * and each reads its envelope and payload through `validatePlain`; class-validator then spent
 * about 170 µs per event (a fifth of every service's busy time), most of it looking up the same
 * class metadata again on every call (`getTargetValidationMetadatas` walks every registered class
 * to find ancestors, for each nested object), and class-transformer copied the payload into class
 * instances that nobody keeps.
 *
 * A plan is what class-validator would check for one DTO class, read once from class-validator's
 * and class-transformer's own metadata: per property its conditions (`@ValidateIf`,
 * `@IsOptional`), its constraints (the very constraint objects the decorators registered) and
 * the class a nested value becomes (`@Type`, discriminator included). `passesPlan` runs those
 * checks on the plain value itself, as `validateSync(plainToInstance(dto, plain))` with
 * validatePlain's options would run them on the instance. It only ever says "no errors"; when
 * anything fails, or the plan meets something it does not model, it says "not sure", and
 * validatePlain asks class-validator itself, which also words the errors. So a fast yes must be
 * a yes of class-validator; the spec beside it compares the two on generated payloads.
 *
 * A class gets no plan (always "not sure") when the plain value and the instance could differ:
 * class-transformer `@Transform`, `@Expose`, `@Exclude`, getters or methods on the class, a field
 * with an initial value, a `@Type` that converts (String, Number, Date, a Set or a Map) or whose
 * type function reads its options, a discriminator that drops its property; or when it uses a
 * validation type other than conditions, constraints and nested objects (promises, schemas).
 * Conditions and constraints see the plain object as `object`, whose fields hold what the
 * instance's would (nested objects plain rather than instances: no condition here looks at
 * those).
 */

type Check = (object: Record<string, unknown>, value: unknown) => boolean;
type Constructor = abstract new (...args: never[]) => object;
/** A class as both metadata libraries take it. */
type MetadataTarget = Parameters<TransformerMetadata['findTypeMetadata']>[0];

interface PropertyPlan {
  readonly name: string;
  /** `@ValidateIf` and `@IsOptional`: all must hold for anything else to be checked. */
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  readonly checks: readonly Check[];
  /**
   * `@ValidateNested`: the class each nested object becomes; null without a `@Type` (an error
   * for any value but undefined); undefined for a property that is not nested.
   */
  readonly nested: NestedPlan | null | undefined;
}

interface NestedPlan {
  /** The class class-transformer makes of this nested object (Object when `@Type` names none). */
  classOf(value: Record<string, unknown>): Constructor;
}

interface ClassPlan {
  readonly allowed: ReadonlySet<string>;
  readonly properties: readonly PropertyPlan[];
}

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/**
 * class-transformer's metadata, which its package does not export: read where Node loads it
 * (as Nest's mapped types do), and trusted only if it holds the `@Type` of EventEnvelopeDto's
 * `metadata`, i.e. it is the storage the decorators wrote to. Elsewhere (a browser bundle) there
 * is no plan, and validatePlain asks class-validator as it always did.
 */
const transformerMetadata: TransformerMetadata | null = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('class-transformer/cjs/storage') as {
      defaultMetadataStorage: TransformerMetadata;
    };
    const storage = loaded.defaultMetadataStorage;
    return storage.findTypeMetadata(EventEnvelopeDto, 'metadata') ? storage : null;
  } catch {
    return null;
  }
})();

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const isThenable = (value: unknown): boolean =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/** A value class-transformer copies as it is: a primitive, a plain object or an array. */
const copiedAsIs = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || isPlainObject(value) || Array.isArray(value);

/** One decorator's constraint (`@IsString`, `@Length(1, 64)`, `@IsVisibleText` …) as a check. */
const constraintCheck = (
  metadata: ValidationMetadata,
  targetName: string,
  storage: MetadataStorage,
): Check | null => {
  if (typeof metadata.constraintCls !== 'function') return null;
  // validateSync skips asynchronous constraints; so does the plan.
  const validators = storage
    .getTargetValidatorConstraints(metadata.constraintCls)
    .filter((c) => !c.async)
    .map((c) => c.instance);
  const { propertyName: property, constraints, each, validateIf } = metadata;
  return (object, value) => {
    if (validateIf && !validateIf(object, value)) return true;
    if (!copiedAsIs(value)) return false;
    const args: ValidationArguments = { targetName, property, object, value, constraints };
    for (const validator of validators) {
      if (each && Array.isArray(value)) {
        for (const item of value) {
          if (!copiedAsIs(item)) return false;
          const ok: unknown = validator.validate(item, args);
          if (!ok || isThenable(ok)) return false;
        }
      } else {
        const ok: unknown = validator.validate(value, args);
        if (!ok || isThenable(ok)) return false;
      }
    }
    return true;
  };
};

/** Where `@Type` sends a nested property, or undefined when the plan cannot follow it. */
const nestedPlan = (
  dto: Constructor,
  property: string,
  transformer: TransformerMetadata,
): NestedPlan | null | undefined => {
  const type = transformer.findTypeMetadata(dto as unknown as MetadataTarget, property);
  if (!type) return null;
  if (type.reflectedType === Set || type.reflectedType === Map) return undefined;
  // A type function with no parameter returns one class whatever the object.
  if (type.typeFunction.length !== 0) return undefined;
  const declared = type.typeFunction() as Constructor;
  const discriminator = type.options?.discriminator;
  if (!discriminator) return { classOf: () => declared };
  if (!type.options.keepDiscriminatorProperty) return undefined;
  const { property: key, subTypes } = discriminator;
  return {
    classOf: (value) => {
      if (!(key in value)) return declared;
      const found = subTypes.find((s) => s.name === value[key]);
      return (found?.value as Constructor | undefined) ?? declared;
    },
  };
};

const ownMembersOnly = (dto: Constructor): boolean => {
  for (let p: object | null = dto.prototype as object; p && p !== Object.prototype;) {
    if (Object.getOwnPropertyNames(p).some((name) => name !== 'constructor')) return false;
    p = Object.getPrototypeOf(p) as object | null;
  }
  return true;
};

const buildPlan = (dto: Constructor, transformer: TransformerMetadata): ClassPlan | null => {
  const storage = getMetadataStorage();
  const target = dto as unknown as MetadataTarget;
  // What ValidationExecutor.execute asks for, with validatePlain's options (no groups).
  const metadatas = storage.getTargetValidationMetadatas(target, '', false, false, undefined);
  if (metadatas.length === 0) return null; // forbidUnknownValues: always an error
  if (
    transformer.getStrategy(target) !== 'none' ||
    transformer.getExposedMetadatas(target).length > 0 ||
    transformer.getExcludedMetadatas(target).length > 0 ||
    !ownMembersOnly(dto)
  ) {
    return null;
  }
  const grouped = storage.groupByPropertyName(metadatas);
  const allowed = new Set(Object.keys(grouped).filter((name) => grouped[name]?.length));
  // class-transformer copies no key that names an inherited member (`constructor`, `toString`).
  if ([...allowed].some((name) => name in Object.prototype)) return null;
  // plainToInstance starts from `new dto()`: its fields must be whitelisted and unset.
  const blank = new (dto as unknown as new () => Record<string, unknown>)();
  if (Object.keys(blank).some((key) => !allowed.has(key) || blank[key] !== undefined)) {
    return null;
  }
  const properties: PropertyPlan[] = [];
  for (const [name, list] of Object.entries(grouped)) {
    if (
      transformer.findTransformMetadatas(target, name, TransformationType.PLAIN_TO_CLASS).length
    ) {
      return null;
    }
    const conditions: ((object: object, value: unknown) => boolean)[] = [];
    const checks: Check[] = [];
    let nested: NestedPlan | null | undefined;
    let hasNested = false;
    for (const metadata of list) {
      switch (metadata.type) {
        case ValidationTypes.CONDITIONAL_VALIDATION: {
          const condition: unknown = metadata.constraints?.[0];
          if (typeof condition !== 'function') return null;
          conditions.push(condition as (object: object, value: unknown) => boolean);
          break;
        }
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION: {
          const check = constraintCheck(metadata, dto.name, storage);
          if (!check) return null;
          checks.push(check);
          break;
        }
        case ValidationTypes.NESTED_VALIDATION:
          hasNested = true;
          break;
        case ValidationTypes.WHITELIST:
          break;
        default:
          return null;
      }
    }
    if (hasNested) {
      nested = nestedPlan(dto, name, transformer);
      if (nested === undefined) return null;
    } else if (transformer.findTypeMetadata(target, name)) {
      return null; // converted by @Type but not validated as nested: the plan cannot tell
    }
    properties.push({ name, conditions, checks, nested: hasNested ? nested : undefined });
  }
  return { allowed, properties };
};

const plans = new Map<Constructor, ClassPlan | null>();

const planOf = (dto: Constructor): ClassPlan | null => {
  if (!transformerMetadata) return null;
  let plan = plans.get(dto);
  if (plan === undefined) {
    try {
      plan = buildPlan(dto, transformerMetadata);
    } catch {
      plan = null;
    }
    plans.set(dto, plan);
  }
  return plan;
};

const passesNested = (nested: NestedPlan | null, value: unknown): boolean => {
  if (!nested) return false;
  if (Array.isArray(value)) {
    return value.every((item) => isPlainObject(item) && passesObject(nested.classOf(item), item));
  }
  return isPlainObject(value) && passesObject(nested.classOf(value), value);
};

const passesObject = (dto: Constructor | null, object: Record<string, unknown>): boolean => {
  const plan = dto && planOf(dto);
  if (!plan) return false;
  for (const key of Object.keys(object)) if (!plan.allowed.has(key)) return false;
  for (const property of plan.properties) {
    const value = object[property.name];
    // class-validator evaluates every condition, then checks only if all hold.
    let applies = true;
    for (const condition of property.conditions) if (!condition(object, value)) applies = false;
    if (!applies) continue;
    for (const check of property.checks) if (!check(object, value)) return false;
    if (property.nested !== undefined && value !== undefined) {
      if (!passesNested(property.nested, value)) return false;
    }
  }
  return true;
};

/**
 * True only when `validateSync(plainToInstance(dto, plain), { whitelist, forbidNonWhitelisted,
 * forbidUnknownValues })` finds no error; false when it may find one (validatePlain then asks it).
 */
export const passesPlan = (dto: Constructor, plain: Record<string, unknown>): boolean => {
  try {
    return passesObject(dto, plain);
  } catch {
    return false; // a constraint threw: class-validator will throw the same, or word the error
  }
};
