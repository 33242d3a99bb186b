import { plainToInstance, Type } from 'class-transformer';
import { getMetadataStorage, IsString, validateSync, ValidationTypes } from 'class-validator';
import { channelEventDefinitions } from '../channel/channel-event-definitions';
import { conversationEventDefinitions } from '../conversation/conversation-event-definitions';
import { crmEventDefinitions } from '../crm/crm-event-definitions';
import { gatewayEventDefinitions } from '../gateway/chat-view-events';
import { robotsEventDefinitions } from '../robots/robots-event-definitions';
import { tasksNotesEventDefinitions } from '../tasks-notes/tasks-notes-event-definitions';
import { translationEventDefinitions } from '../translation/translation-event-definitions';
import { CommandEnvelopeDto, EventEnvelopeDto } from './envelope.dto';
import { ContractViolation } from './contract-violation';
import { validatePlain } from './validate';
import { passesPlan } from './validation-plan';

/**
 * The plan must never say "no errors" where class-validator finds one, and should say it
 * wherever class-validator does (or validatePlain gains nothing). Both are checked here on
 * payloads generated for every event payload DTO and both envelopes: first a payload made
 * valid property by property (class-validator picks, from candidate values and the decorators'
 * own constraints, one it accepts), then mutants of it (a field changed to another candidate,
 * removed, nulled, an unknown field added, a nested object broken).
 */

type Dto = new () => object;
type Plain = Record<string, unknown>;

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/** What class-validator itself says: its errors for `plain` as validatePlain used to ask. */
const errorsOf = (dto: Dto, plain: Plain) =>
  validateSync(plainToInstance(dto, plain, { enableImplicitConversion: false }), OPTIONS);

/** A small seeded generator (mulberry32), so a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const PRIMITIVES: readonly unknown[] = [
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

const metadataOf = (dto: Dto): Record<string, Metadata> =>
  getMetadataStorage().groupByPropertyName(
    getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false, undefined),
  );

/** Values a property's own decorators name: `@IsIn([...])`, `@Equals(x)`, `@Length(1, 64)`. */
const constraintValues = (list: Metadata): unknown[] =>
  list.flatMap((m) =>
    (m.constraints ?? []).flatMap((c: unknown) =>
      Array.isArray(c) ? [c, ...c, c.slice(0, 1)] : typeof c === 'function' ? [] : [c],
    ),
  );

/** The classes a nested property can become (`@Type`, discriminator subtypes included). */
const nestedClasses = (dto: Dto, property: string): Dto[] => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: {
      findTypeMetadata(
        target: Dto,
        property: string,
      ):
        | {
            typeFunction: () => Dto;
            options?: { discriminator?: { subTypes: { value: Dto }[] } };
          }
        | undefined;
    };
  };
  const type = defaultMetadataStorage.findTypeMetadata(dto, property);
  if (!type) return [];
  const subTypes = type.options?.discriminator?.subTypes.map((s) => s.value);
  return subTypes ? [...new Set(subTypes)] : [type.typeFunction()];
};

const isNested = (list: Metadata) =>
  list.some((m) => m.type === (ValidationTypes.NESTED_VALIDATION as string));

/** A payload for `dto` made valid property by property, with class-validator as the judge. */
const validPayload = (dto: Dto, next: () => number, depth = 0): Plain => {
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

const hasArrayInArray = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some((item) => Array.isArray(item) || hasArrayInArray(item))
    : typeof value === 'object' && value !== null && Object.values(value).some(hasArrayInArray);

const clone = (value: Plain): Plain => JSON.parse(JSON.stringify(value)) as Plain;

/** One change to a payload, somewhere in it (nested objects included). */
const mutant = (payload: Plain, next: () => number): Plain => {
  const copy = clone(payload);
  let target: Plain = copy;
  // Walk into a nested object now and then.
  for (let depth = 0; depth < 3 && next() < 0.4; depth += 1) {
    const objects = Object.values(target).filter(
      (v): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v),
    );
    const arrays = Object.values(target).filter(
      (v): v is Plain[] =>
        Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null,
    );
    const inner = [...objects, ...arrays.map((a) => a[0] as Plain)];
    if (inner.length === 0) break;
    target = inner[Math.floor(next() * inner.length)] as Plain;
  }
  const keys = Object.keys(target);
  const key = keys[Math.floor(next() * keys.length)] ?? 'anything';
  const roll = next();
  if (roll < 0.5) target[key] = PRIMITIVES[Math.floor(next() * PRIMITIVES.length)];
  else if (roll < 0.65) delete target[key];
  else if (roll < 0.75) target[key] = null;
  else if (roll < 0.85) target[`${key}X`] = 'typo';
  else if (roll < 0.9) target[key] = [target[key]];
  else target[key] = typeof target[key] === 'string' ? `${String(target[key])} ` : target[key];
  return copy;
};

const dtos: [string, Dto][] = [
  ['EventEnvelopeDto', EventEnvelopeDto],
  ['CommandEnvelopeDto', CommandEnvelopeDto],
  ...[
    ...channelEventDefinitions,
    ...conversationEventDefinitions,
    ...crmEventDefinitions,
    ...gatewayEventDefinitions,
    ...robotsEventDefinitions,
    ...tasksNotesEventDefinitions,
    ...translationEventDefinitions,
  ].map((d): [string, Dto] => [d.type, d.data as Dto]),
];

describe('validation plan against class-validator', () => {
  it.each(dtos)(
    '%s: the plan says "no errors" exactly where class-validator does',
    (_name, dto) => {
      const next = seeded(dtos.findIndex(([, d]) => d === dto) + 1);
      const payloads: Plain[] = [];
      for (let round = 0; round < 3; round += 1) {
        const valid = validPayload(dto, next);
        payloads.push(valid);
        for (let i = 0; i < 40; i += 1) payloads.push(mutant(valid, next));
      }
      const wrongYes: Plain[] = [];
      const missedYes: Plain[] = [];
      let agreedYes = 0;
      for (const payload of payloads) {
        const classValidator = errorsOf(dto, payload).length === 0;
        const plan = passesPlan(dto, payload);
        if (plan && !classValidator) wrongYes.push(payload);
        // class-validator takes an array of arrays where one nested object is declared (each
        // inner array walked as a list of nothing); the plan leaves those to it.
        if (!plan && classValidator && !hasArrayInArray(payload)) missedYes.push(payload);
        if (plan && classValidator) agreedYes += 1;
      }
      expect(wrongYes).toEqual([]);
      expect(missedYes).toEqual([]);
      // The generator reached valid payloads, so the "yes" side was compared too.
      expect(agreedYes).toBeGreaterThan(0);
    },
  );

  it('given a bad envelope, then validatePlain still names every bad field, nested ones by path', () => {
    const event = {
      type: 'not an event type',
      data: [],
      metadata: { eventId: '', actor: { kind: 'alien' }, schemaVersion: 0, extra: 1 },
    };
    try {
      validatePlain(EventEnvelopeDto, event, 'event');
      throw new Error('expected a ContractViolation');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolation);
      const fields = (error as ContractViolation).issues.map((i) => i.field).sort();
      expect(fields).toEqual(
        [
          'data',
          'metadata.actor.id',
          'metadata.actor.kind',
          'metadata.aggregateId',
          'metadata.correlationId',
          'metadata.eventId',
          'metadata.extra',
          'metadata.occurredAt',
          'metadata.schemaVersion',
          'metadata.workspaceId',
          'type',
        ].sort(),
      );
    }
  });

  it('given a key class-transformer drops (constructor), then the plan is not sure and class-validator decides', () => {
    const valid = validPayload(EventEnvelopeDto, seeded(7));
    const withConstructor = JSON.parse(JSON.stringify({ ...valid, constructor: 'x' })) as Plain;
    expect(passesPlan(EventEnvelopeDto, withConstructor)).toBe(false);
    expect(() => validatePlain(EventEnvelopeDto, withConstructor)).not.toThrow();
  });

  it('given a class with no plan (a @Type that converts), then it is never "no errors"', () => {
    class Converting {
      @Type(() => String) @IsString() name!: string;
    }
    expect(passesPlan(Converting, { name: 'anna' })).toBe(false);
    expect(validatePlain(Converting, { name: 'anna' })).toEqual({ name: 'anna' });
  });
});
