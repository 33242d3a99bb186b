import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  collectServiceCatalog,
  commandMapsIn,
  commandTypesOf,
  eventDescriptionsIn,
  parseSource,
  REPO_ROOT,
  serviceConstantOf,
  subscriptionsIn,
} from './collect-service-catalog';
import {
  readSection,
  REGENERATE_COMMAND,
  renderServiceCatalog,
  replaceSection,
  SECTION_BEGIN,
  SECTION_END,
  type ServiceCatalog,
} from './service-catalog';

/** A made-up bakery: one publisher with a versioned event, a command, a typed and a topic reader. */
const bakery: ServiceCatalog = {
  publishers: [
    {
      service: 'oven',
      context: 'oven',
      eventsTopic: 'parley.oven.events',
      events: [
        {
          type: 'Oven.BreadBaked',
          schemaVersion: 3,
          upcastsFrom: [1, 2],
          description: 'A loaf | left the oven.',
          consumers: [
            { service: 'shop', group: 'shop.shelves', wholeTopic: false },
            { service: 'ledger', group: 'ledger', wholeTopic: true },
          ],
        },
        {
          type: 'Oven.OvenCooled',
          schemaVersion: 1,
          upcastsFrom: [],
          description: null,
          consumers: [],
        },
      ],
      commands: { topic: 'parley.oven.commands', types: ['BakeBread'] },
    },
  ],
  subscriptions: [
    { service: 'ledger', group: 'ledger', topic: 'parley.oven.events', eventType: null },
    {
      service: 'shop',
      group: 'shop.shelves',
      topic: 'parley.oven.events',
      eventType: 'Oven.BreadBaked',
    },
  ],
};

describe('renderServiceCatalog', () => {
  it('given a tiny catalog, then renders each service, its events and their consumers', () => {
    const lines = renderServiceCatalog(bakery).split('\n');

    expect(lines).toContain('### oven');
    expect(lines).toContain(
      'Publishes on `parley.oven.events` (streams `oven-{aggregateId}`). ' +
        'Accepts commands on `parley.oven.commands`: `BakeBread`.',
    );
    expect(lines).toContain(
      '| `Oven.BreadBaked` | v3 (reads v1, v2) | A loaf \\| left the oven. | ' +
        'shop (`shop.shelves`), ledger (`ledger`, whole topic) |',
    );
    expect(lines).toContain('| `Oven.OvenCooled` | v1 |  | nobody yet |');
    expect(lines).toContain('| ledger | `ledger` | `parley.oven.events` | all |');
    expect(lines).toContain('| shop | `shop.shelves` | `parley.oven.events` | `Oven.BreadBaked` |');
  });

  it('given a service without commands, then says it accepts none', () => {
    const quiet: ServiceCatalog = {
      publishers: [{ ...bakery.publishers[0]!, commands: null }],
      subscriptions: [],
    };

    expect(renderServiceCatalog(quiet)).toContain(
      'Publishes on `parley.oven.events` (streams `oven-{aggregateId}`). Accepts no commands.',
    );
  });

  it('given a handler of a type no catalog defines, then says so', () => {
    const stray: ServiceCatalog = {
      ...bakery,
      subscriptions: [
        { service: 'shop', group: 'shop', topic: 'parley.oven.events', eventType: 'Oven.Burnt' },
      ],
    };

    expect(renderServiceCatalog(stray)).toContain(
      '| shop | `shop` | `parley.oven.events` | `Oven.Burnt` (in no event catalog) |',
    );
  });
});

describe('the scans of made-up sources', () => {
  it('given @EventPattern handlers, then routes them as the bus does', () => {
    const file = parseSource(
      'libs/shop/src/oven-events.controller.ts',
      `const SHELVES = 'shelves';
      class OvenEvents {
        @EventPattern('Oven.BreadBaked', { consumer: SHELVES }) onBaked() {}
        @EventPattern({ topic: eventsTopic('oven') }) onAny() {}
        @EventPattern({ topic: eventsTopic(TASKS_NOTES_CONTEXT) }, { consumer: 'audit' }) onTasks() {}
      }`,
    );

    expect(subscriptionsIn(file, 'shop')).toEqual([
      {
        service: 'shop',
        group: 'shop.shelves',
        topic: 'parley.oven.events',
        eventType: 'Oven.BreadBaked',
      },
      { service: 'shop', group: 'shop', topic: 'parley.oven.events', eventType: null },
      { service: 'shop', group: 'shop.audit', topic: 'parley.tasksnotes.events', eventType: null },
    ]);
  });

  it('given a pattern it cannot read, then throws naming the file', () => {
    const file = parseSource(
      'libs/shop/src/odd.ts',
      'class Odd { @EventPattern(`${context}.Baked`) on() {} }',
    );

    expect(() => subscriptionsIn(file, 'shop')).toThrow('libs/shop/src/odd.ts:1');
  });

  it('given command handler maps, one spread into the other, then lists their keys in order', () => {
    const file = parseSource(
      'libs/oven/service/src/commands.ts',
      `export const ovenCommandHandlers = (store) => ({ BakeBread: async () => [], CoolOven: async () => [] });
      export const moreCommandHandlers = (store) => {
        const x = 1;
        return { 'Clean': async () => [], ...ovenCommandHandlers(store) };
      };`,
    );

    expect(commandTypesOf(commandMapsIn(file))).toEqual(['Clean', 'BakeBread', 'CoolOven']);
  });

  it('given event types with doc comments, then keeps the first sentence of their own', () => {
    const file = parseSource(
      'libs/contracts/src/oven/oven-events.ts',
      `/** Oven events; streams \`oven-{ovenId}\`. */
      export type BreadBaked = DomainEvent<'Oven.BreadBaked', {}>;
      /**
       * A loaf left the oven (B1). More detail
       * on two lines.
       */
      export type LoafOut = DomainEvent<'Oven.LoafOut', {}>;
      export type OvenCooled = DomainEvent<'Oven.OvenCooled', {}>;`,
    );

    expect([...eventDescriptionsIn(file)]).toEqual([
      ['Oven.LoafOut', 'A loaf left the oven (B1).'],
    ]);
  });

  it('names the contract constant of a catalog', () => {
    expect(serviceConstantOf('tasksNotesEventDefinitions')).toBe('TASKS_NOTES_SERVICE');
    expect(serviceConstantOf('crmEventDefinitions')).toBe('CRM_SERVICE');
  });
});

describe('replaceSection', () => {
  const readme = `# Title\n\nbefore\n${SECTION_BEGIN}\nold\n${SECTION_END}\nafter\n`;

  it('given README with the markers, then only the text between them changes', () => {
    expect(replaceSection(readme, 'new\n')).toBe(
      `# Title\n\nbefore\n${SECTION_BEGIN}\nnew\n${SECTION_END}\nafter\n`,
    );
  });

  it('given README without the markers, then throws naming them', () => {
    expect(() => replaceSection('# Title\n', 'new\n')).toThrow(SECTION_BEGIN);
  });
});

describe('README.md services section', () => {
  it('is what the generator renders from the contracts now', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const current = readSection(readme);
    const wanted = readSection(
      replaceSection(readme, renderServiceCatalog(collectServiceCatalog())),
    );

    if (current !== wanted) {
      const have = (current ?? '').split('\n');
      const want = (wanted ?? '').split('\n');
      const line = want.findIndex((l, i) => l !== have[i]);
      throw new Error(
        `README.md's services section is out of date with libs/contracts: run ` +
          `\`${REGENERATE_COMMAND}\` and commit README.md.\n` +
          `First difference:\n  README:    ${have[line] ?? '(missing)'}\n` +
          `  generated: ${want[line] ?? '(missing)'}`,
      );
    }
  });
});
