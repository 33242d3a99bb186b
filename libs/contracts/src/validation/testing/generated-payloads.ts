import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationTypes } from 'class-validator';

/**
 * Payloads made for a DTO from its own decorators, for the specs that compare the validation
 * plan with class-validator and that check nested objects. Specs only: not exported by the
 * library.
 */

export type Dto = new () => object;
export type Plain = Record<string, unknown>;

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/** What class-validator itself says: its errors for `plain` as validatePlain used to ask. */
export const errorsOf = (dto: Dto, plain: Plain) =>
  validateSync(plainToInstance(dto, plain, { enableImplicitConversion: false }), OPTIONS);

/** A small seeded generator (mulberry32), so a failure can be replayed. */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * Always the first candidate: nested objects before anything else, so a payload made with it
 * holds every nested object its class allows (optional ones included).
 */
export const nestedFirst = () => 0;

export const PRIMITIVES: readonly unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  'Hello, world',
  'telegram',
  'text',
  'client',
  'manager',
  'en',
  'es',
  'ws-1',
  'ws-1:c1',
  'tg:42',
  '42',
  '123456789',
  '-100123456789',
  'a'.repeat(300),
  '2026-12-03T09:00:00.000Z',
  '2026-12-03',
  'not a date',
  '0f0e7c86-8d8b-5a36-9a8e-1b1f2f5d7c10',
  '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
  'anna@example.com',
  'https://example.com/a.png',
  'image/png',
  '#ff8800',
  '\u0000bad',
  'Conversation.ClientMessageReceived',
  'SendMessage',
  'conversation',
  'USD',
  'Europe/Madrid',
  {
    name: 'Price question',
    trigger: { kind: 'keyword', keywords: ['price'] },
    conditions: [],
    actions: [{ kind: 'add_tag', tag: 'price-asked' }],
  },
  0,
  1,
  2,
  42,
  -1,
  1.5,
  Number.NaN,
  true,
  false,
  [],
  ['a'],
  [1, 2],
  {},
];

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>;

export const metadataOf = (dto: Dto): Record<string, Metadata> =>
  getMetadataStorage().groupByPropertyName(
    getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false, undefined),
  );

/** True for a class class-validator has rules for (a DTO), false for any other value. */
export const isDto = (value: unknown): value is Dto =>
  typeof value === 'function' && Object.keys(metadataOf(value as Dto)).length > 0;

/** Values a property's own decorators name: `@IsIn([...])`, `@Equals(x)`, `@Length(1, 64)`. */
const constraintValues = (list: Metadata): unknown[] =>
  list.flatMap((m) =>
    (m.constraints ?? []).flatMap((c: unknown) =>
      Array.isArray(c) ? [c, ...c, c.slice(0, 1)] : typeof c === 'function' ? [] : [c],
    ),
  );

interface TypeMetadata {
  typeFunction: () => Dto;
  options?: {
    discriminator?: { property: string; subTypes: { name: string; value: Dto }[] };
  };
}

const typeOf = (dto: Dto, property: string): TypeMetadata | undefined => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: {
      findTypeMetadata(target: Dto, property: string): TypeMetadata | undefined;
    };
  };
  return defaultMetadataStorage.findTypeMetadata(dto, property);
};

/** The classes a nested property can become (`@Type`, discriminator subtypes included). */
export const nestedClasses = (dto: Dto, property: string): Dto[] => {
  const type = typeOf(dto, property);
  if (!type) return [];
  const subTypes = type.options?.discriminator?.subTypes.map((s) => s.value);
  return subTypes ? [...new Set(subTypes)] : [type.typeFunction()];
};

/** The class one nested object of `dto.property` becomes (its discriminator read). */
export const nestedClassOf = (dto: Dto, property: string, value: Plain): Dto | undefined => {
  const type = typeOf(dto, property);
  const discriminator = type?.options?.discriminator;
  if (!discriminator) return type?.typeFunction();
  const found = discriminator.subTypes.find((s) => s.name === value[discriminator.property]);
  return found?.value ?? type.typeFunction();
};

export const isNested = (list: Metadata) =>
  list.some((m) => m.type === (ValidationTypes.NESTED_VALIDATION as string));

/** A payload for `dto` made valid property by property, with class-validator as the judge. */
export const validPayload = (dto: Dto, next: () => number, depth = 0): Plain => {
  const payload: Plain = {};
  const grouped = metadataOf(dto);
  for (const [property, list] of Object.entries(grouped)) {
    const candidates: unknown[] = [...constraintValues(list), ...PRIMITIVES];
    if (isNested(list) && depth < 4) {
      for (const nested of nestedClasses(dto, property)) {
        const inner = validPayload(nested, next, depth + 1);
        candidates.unshift(inner, [inner]);
      }
    }
    const start = Math.floor(next() * candidates.length);
    for (let i = 0; i < candidates.length; i += 1) {
      const candidate = candidates[(start + i) % candidates.length];
      const trial = { ...payload, [property]: candidate };
      if (candidate === undefined) delete trial[property];
      if (!errorsOf(dto, trial).some((e) => e.property === property)) {
        if (candidate !== undefined) payload[property] = candidate;
        break;
      }
    }
  }
  return payload;
};

export const clone = (value: Plain): Plain => JSON.parse(JSON.stringify(value)) as Plain;

export const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One nested object a DTO declares, as it sits in a payload. */
export interface NestedSlot {
  /** The class that declares it, and as which property. */
  readonly owner: Dto;
  readonly property: string;
  /** The object or list that holds it; `holder[key]` is the nested object. */
  readonly holder: Plain;
  readonly key: string;
  /** Its field as validatePlain names it: `metadata.actor`, `tags.0`. */
  readonly path: string;
  /** True for an item of a list of nested objects (`@ValidateNested({ each: true })`). */
  readonly inList: boolean;
}

/**
 * Every nested object `payload` holds where `dto` (or a class nested in it) declares one, depth
 * first. Objects in fields a DTO leaves free-form (`@IsObject() data`) are not followed.
 */
export const nestedSlots = (dto: Dto, payload: Plain, prefix = ''): NestedSlot[] =>
  Object.entries(metadataOf(dto)).flatMap(([property, list]) => {
    if (!isNested(list)) return [];
    const value = payload[property];
    const path = prefix ? `${prefix}.${property}` : property;
    const found: NestedSlot[] = Array.isArray(value)
      ? value.map((_, i) => ({
          owner: dto,
          property,
          holder: value as unknown as Plain,
          key: String(i),
          path: `${path}.${i}`,
          inList: true,
        }))
      : [{ owner: dto, property, holder: payload, key: property, path, inList: false }];
    return found.flatMap((slot) => {
      const inner = slot.holder[slot.key];
      if (!isPlainObject(inner)) return [];
      const nested = nestedClassOf(dto, property, inner);
      return [slot, ...(nested ? nestedSlots(nested, inner, slot.path) : [])];
    });
  });
