import { ALL_EVENT_DEFINITIONS } from '../all-event-definitions';
import * as contracts from '../index';
import { ContractViolation, type FieldIssue } from './contract-violation';
import { CommandEnvelopeDto, EventEnvelopeDto } from './envelope.dto';
import {
  clone,
  isDto,
  isNested,
  metadataOf,
  nestedClasses,
  nestedFirst,
  nestedSlots,
  validPayload,
  type Dto,
  type NestedSlot,
} from './testing/generated-payloads';
import { validatePlain } from './validate';

/**
 * Where a DTO declares one nested object, a list in its place is refused, naming the field:
 * `[]` and `[{...valid}]` alike (class-validator used to walk either as a list of such objects
 * and pass it). Where it declares a list of nested objects, a list in an item's place is refused.
 * Checked for every DTO the library exports, both envelopes and every event of every catalog,
 * on a payload made valid with every nested object it allows, at every depth.
 */

const definitions = ALL_EVENT_DEFINITIONS;

const everyDto: [string, Dto][] = [
  ['EventEnvelopeDto', EventEnvelopeDto],
  ['CommandEnvelopeDto', CommandEnvelopeDto],
  ...definitions.map((d): [string, Dto] => [d.type, d.data as Dto]),
  ...Object.entries(contracts).filter((entry): entry is [string, Dto] => isDto(entry[1])),
];
/** Each class once, under its first name (an event's type before its class's export name). */
const roots = everyDto.filter(([, dto], i) => everyDto.findIndex(([, d]) => d === dto) === i);

const payloads = new Map(roots.map(([, dto]) => [dto, validPayload(dto, nestedFirst)]));

interface Row {
  readonly name: string;
  readonly dto: Dto;
  readonly slot: NestedSlot;
}

const rows: Row[] = roots.flatMap(([name, dto]) =>
  nestedSlots(dto, payloads.get(dto)!).map((slot) => ({ name, dto, slot })),
);

/** The issues validatePlain reports for `plain`, or a failure if it takes it. */
const issuesOf = (dto: Dto, plain: unknown): readonly FieldIssue[] => {
  try {
    validatePlain(dto, plain);
  } catch (error) {
    if (error instanceof ContractViolation) return error.issues;
    throw error;
  }
  throw new Error('expected a ContractViolation');
};

/** The root payload with the slot's nested object replaced by `replace(it)`. */
const withReplaced = (row: Row, replace: (nested: unknown) => unknown) => {
  const copy = clone(payloads.get(row.dto)!);
  const slot = nestedSlots(row.dto, copy).find((s) => s.path === row.slot.path)!;
  slot.holder[slot.key] = replace(slot.holder[slot.key]);
  return copy;
};

describe('nested objects: a list where one object belongs is refused, naming the field', () => {
  it.each(roots)('%s: the payload made with every nested object is valid', (_name, dto) => {
    expect(() => validatePlain(dto, payloads.get(dto))).not.toThrow();
  });

  it.each(
    rows.filter((r) => !r.slot.inList).map((r): [string, string, Row] => [r.name, r.slot.path, r]),
  )('%s: %s as [] or [itself] is refused with the field named', (_name, path, row) => {
    for (const replace of [() => [], (nested: unknown) => [nested]]) {
      expect(issuesOf(row.dto, withReplaced(row, replace))).toContainEqual({
        field: path,
        reason: 'must be a single object, not a list',
      });
    }
  });

  it.each(
    rows.filter((r) => r.slot.inList).map((r): [string, string, Row] => [r.name, r.slot.path, r]),
  )('%s: item %s as [] or [itself] is refused with its list named', (_name, path, row) => {
    const list = path.slice(0, path.lastIndexOf('.'));
    for (const replace of [() => [], (nested: unknown) => [nested]]) {
      expect(issuesOf(row.dto, withReplaced(row, replace))).toContainEqual({
        field: list,
        reason: 'must be a list of objects, not of lists or values',
      });
    }
  });

  it('every nested property any of these DTOs declares, at any depth, has a row above', () => {
    const declared = new Set<string>();
    const seen = new Set<Dto>();
    const walk = (dto: Dto): void => {
      if (seen.has(dto)) return;
      seen.add(dto);
      for (const [property, list] of Object.entries(metadataOf(dto))) {
        if (!isNested(list)) continue;
        declared.add(`${dto.name}.${property}`);
        nestedClasses(dto, property).forEach(walk);
      }
    };
    roots.forEach(([, dto]) => walk(dto));
    const covered = new Set(rows.map((r) => `${r.slot.owner.name}.${r.slot.property}`));
    expect([...declared].filter((p) => !covered.has(p))).toEqual([]);
    expect(declared.size).toBeGreaterThan(20);
  });

  it('given a missing, null or primitive nested object, then it is refused as not an object', () => {
    const actor = rows.find((r) => r.slot.path === 'metadata.actor' && r.dto === EventEnvelopeDto)!;
    for (const value of [undefined, null, 'manager', 42]) {
      expect(
        issuesOf(
          EventEnvelopeDto,
          withReplaced(actor, () => value),
        ),
      ).toContainEqual({
        field: 'metadata.actor',
        // class-validator's own note follows for null and primitives; the first reason is ours.
        reason: expect.stringMatching(/^must be an object(;|$)/) as string,
      });
    }
  });

  it('given an optional nested object left out, then the payload still passes', () => {
    const row = rows.find(
      (r) => r.slot.path === 'translatedFrom' && r.name === 'SendMessageDataDto',
    )!;
    const payload = clone(payloads.get(row.dto)!);
    delete payload['translatedFrom'];
    expect(() => validatePlain(row.dto, payload)).not.toThrow();
  });
});
