import { ContractViolation, type FieldIssue } from '@parley/contracts';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { isDeepStrictEqual } from 'node:util';
import * as dtos from './telegram-update.dto';
import { TelegramUpdateDto } from './telegram-update.dto';
import { validateTelegramUpdate } from './validate-update';

/**
 * Where the Update DTOs declare one nested object (`message`, `message.chat`, ...), a list in its
 * place is refused naming the field, `[]` and `[{...valid}]` alike; where they declare a list of
 * objects (`message.photo`, ...), an object in its place or a list as an item is refused.
 * class-validator used to walk such a list as a list of the declared objects and let it pass.
 * Checked on an update that carries every nested object the DTOs declare, at every depth.
 */

type Plain = Record<string, unknown>;
type Dto = abstract new (...args: never[]) => object;

const user = { id: 42, is_bot: false, first_name: 'Anna', language_code: 'en' };
const chat = { id: 42, type: 'private' };
const file = { file_id: 'f1', file_unique_id: 'u1', file_size: 10 };
const location = { latitude: 52.52, longitude: 13.4 };

/** Every optional part at once: the DTOs do not say a message has one kind, Telegram does. */
const messageWithEverything = {
  message_id: 7,
  date: 1_767_225_600,
  chat,
  from: user,
  text: 'Anna',
  entities: [{ type: 'text_mention', offset: 0, length: 4, user }],
  caption: 'look',
  caption_entities: [{ type: 'text_mention', offset: 0, length: 4, user }],
  photo: [file, { ...file, width: 90, height: 90 }],
  video: file,
  video_note: file,
  voice: file,
  audio: file,
  document: file,
  animation: file,
  sticker: { ...file, is_animated: false, is_video: false, emoji: '🙂' },
  location,
  venue: { location, title: 'Café', address: 'Unter den Linden 1' },
  contact: { phone_number: '+4930123', first_name: 'Bob' },
  poll: { question: 'Open?', options: [{ text: 'yes' }, { text: 'no' }], type: 'regular' },
  dice: { emoji: '🎲', value: 3 },
};

const updateWithEverything: Plain = {
  update_id: 1,
  message: messageWithEverything,
  edited_message: { ...messageWithEverything, edit_date: 1_767_225_660 },
  my_chat_member: {
    chat,
    from: user,
    date: 1_767_225_600,
    old_chat_member: { status: 'member' },
    new_chat_member: { status: 'kicked' },
  },
};

/** The properties of `dto` that class-validator walks as nested objects. */
const nestedProperties = (dto: Dto): string[] => [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto as new () => object, '', false, false, undefined)
      .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)
      .map((m) => m.propertyName),
  ),
];

interface Slot {
  readonly path: string;
  /** `Class.property`, as declared. */
  readonly declared: string;
  readonly list: boolean;
}

/** Every nested object and list in `instance` (class-transformer made each its class). */
const slotsOf = (instance: object, prefix = ''): Slot[] =>
  nestedProperties(instance.constructor as Dto).flatMap((property): Slot[] => {
    const value: unknown = (instance as Plain)[property];
    const path = prefix ? `${prefix}.${property}` : property;
    const declared = `${instance.constructor.name}.${property}`;
    if (Array.isArray(value)) {
      const items = value as object[];
      return [
        { path, declared, list: true },
        ...items.flatMap((item, i) => slotsOf(item, `${path}.${i}`)),
      ];
    }
    if (typeof value === 'object' && value !== null) {
      return [{ path, declared, list: false }, ...slotsOf(value, path)];
    }
    return [];
  });

const slots = slotsOf(plainToInstance(TelegramUpdateDto, updateWithEverything));

/** A copy of the full update with the value at `path` replaced by `replace(it)`. */
const withReplaced = (path: string, replace: (value: unknown) => unknown): Plain => {
  const copy = structuredClone(updateWithEverything);
  const keys = path.split('.');
  const last = keys.pop()!;
  const holder = keys.reduce<Plain>((node, key) => node[key] as Plain, copy);
  holder[last] = replace(holder[last]);
  return copy;
};

const issuesOf = (body: unknown): readonly FieldIssue[] => {
  try {
    validateTelegramUpdate(body);
  } catch (e) {
    if (e instanceof ContractViolation) return e.issues;
    throw e;
  }
  throw new Error('expected a ContractViolation');
};

const asEmptyList = (): unknown => [];
const asListOfItself = (value: unknown): unknown => [value];

describe('Telegram update DTOs: one nested object is one object, a list is a list of objects', () => {
  it('given an update carrying every nested object the DTOs declare, then it passes whole', () => {
    const update = validateTelegramUpdate(updateWithEverything);
    expect(isDeepStrictEqual(update, updateWithEverything)).toBe(true);
  });

  it.each(slots.filter((s) => !s.list).map((s) => [s.path]))(
    'given %s as [] or as [itself], then it is refused naming that field',
    (path) => {
      for (const replace of [asEmptyList, asListOfItself]) {
        expect(issuesOf(withReplaced(path, replace))).toContainEqual({
          field: path,
          reason: 'must be a single object, not a list',
        });
      }
    },
  );

  it.each(slots.filter((s) => s.list).map((s) => [s.path]))(
    'given %s as one object, or holding a list as an item, then it is refused naming the list',
    (path) => {
      const objectForList = issuesOf(withReplaced(path, (list) => (list as unknown[])[0]));
      expect(objectForList).toContainEqual({
        field: path,
        reason: expect.stringContaining('must be an array') as string,
      });
      for (const replace of [asEmptyList, asListOfItself]) {
        expect(issuesOf(withReplaced(`${path}.0`, replace))).toContainEqual({
          field: path,
          reason: 'must be a list of objects, not of lists or values',
        });
      }
    },
  );

  it('every nested property any Update DTO declares has a case above', () => {
    const declared = (Object.values(dtos) as unknown[])
      .filter((value): value is Dto => typeof value === 'function')
      .flatMap((dto) => nestedProperties(dto).map((property) => `${dto.name}.${property}`));
    const covered = new Set(slots.map((s) => s.declared));
    expect(declared.filter((d) => !covered.has(d))).toEqual([]);
    expect(declared.length).toBeGreaterThan(20);
  });

  it('given a required nested object missing or null, then it is refused as not an object', () => {
    for (const value of [undefined, null]) {
      expect(issuesOf(withReplaced('message.chat', () => value))).toContainEqual({
        field: 'message.chat',
        reason: expect.stringMatching(/^must be an object/) as string,
      });
    }
  });

  it('given optional nested objects left out, then the update still passes', () => {
    const { from: _from, entities: _entities, venue: _venue, ...bare } = messageWithEverything;
    expect(() => validateTelegramUpdate({ update_id: 2, message: bare })).not.toThrow();
  });

  it('given lists under fields and update kinds Parley does not read, then they pass unread', () => {
    const body = {
      update_id: 3,
      message: { ...messageWithEverything, reply_markup: [{ inline_keyboard: [] }], quote: [] },
    };
    const update = validateTelegramUpdate(body);
    expect(update.message).toEqual(messageWithEverything);
    const other = validateTelegramUpdate({ update_id: 4, callback_query: [{ id: 'q' }] });
    expect(other).toEqual({ update_id: 4, callback_query: [{ id: 'q' }] });
  });
});
