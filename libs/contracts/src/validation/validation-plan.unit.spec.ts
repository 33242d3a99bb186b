import { ALL_EVENT_DEFINITIONS } from '../all-event-definitions';
import { Type } from 'class-transformer';
import { IsString } from 'class-validator';
import { CommandEnvelopeDto, EventEnvelopeDto } from './envelope.dto';
import { ContractViolation } from './contract-violation';
import { validatePlain } from './validate';
import { passesPlan } from './validation-plan';
import {
  clone,
  errorsOf,
  nestedSlots,
  PRIMITIVES,
  seeded,
  validPayload,
  type Dto,
  type Plain,
} from './testing/generated-payloads';

/**
 * The plan must never say "no errors" where class-validator finds one, and should say it
 * wherever class-validator does (or validatePlain gains nothing). Both are checked here on
 * payloads generated for every event payload DTO and both envelopes: first a payload made
 * valid property by property (class-validator picks, from candidate values and the decorators'
 * own constraints, one it accepts), then mutants of it (a field changed to another candidate,
 * removed, nulled, an unknown field added, a nested object broken, a nested object swapped for
 * a list: those must also be refused, whatever the two say of each other).
 */

/**
 * A nested object the DTO declares, anywhere in the payload, swapped for a list: `[]` or
 * `[itself]`. No DTO takes either there (class-validator used to walk such a list as a list of
 * nested objects, so both passed), so each of these must be refused.
 */
const listForObject = (dto: Dto, payload: Plain, next: () => number): Plain | undefined => {
  const copy = clone(payload);
  const slots = nestedSlots(dto, copy);
  if (slots.length === 0) return undefined;
  const { holder, key } = slots[Math.floor(next() * slots.length)]!;
  holder[key] = next() < 0.5 ? [] : [holder[key]];
  return copy;
};

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
  ...ALL_EVENT_DEFINITIONS.map((d): [string, Dto] => [d.type, d.data as Dto]),
];

describe('validation plan against class-validator', () => {
  it.each(dtos)(
    '%s: the plan says "no errors" exactly where class-validator does',
    (_name, dto) => {
      const next = seeded(dtos.findIndex(([, d]) => d === dto) + 1);
      const payloads: Plain[] = [];
      const lists: Plain[] = [];
      for (let round = 0; round < 3; round += 1) {
        const valid = validPayload(dto, next);
        payloads.push(valid);
        for (let i = 0; i < 40; i += 1) payloads.push(mutant(valid, next));
        for (let i = 0; i < 10; i += 1) {
          const listed = listForObject(dto, valid, next);
          if (listed) lists.push(listed);
        }
      }
      payloads.push(...lists);
      const wrongYes: Plain[] = [];
      const missedYes: Plain[] = [];
      let agreedYes = 0;
      for (const payload of payloads) {
        const classValidator = errorsOf(dto, payload).length === 0;
        const plan = passesPlan(dto, payload);
        if (plan && !classValidator) wrongYes.push(payload);
        if (!plan && classValidator) missedYes.push(payload);
        if (plan && classValidator) agreedYes += 1;
      }
      expect(wrongYes).toEqual([]);
      expect(missedYes).toEqual([]);
      // Both agreeing is not enough: a list where one object belongs is refused by both.
      expect(lists.filter((payload) => errorsOf(dto, payload).length === 0)).toEqual([]);
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
