import * as contracts from '@parley/contracts';
import { commandsTopic, eventsTopic, type EventDefinition } from '@parley/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type {
  EventConsumer,
  PublishedEvent,
  PublishingService,
  ServiceCatalog,
  Subscription,
} from './service-catalog';

/**
 * Collects the README's service catalog:
 * - publishers and their events from libs/contracts at run time: every `*EventDefinitions` export
 *   of `@parley/contracts` (type, schema version, upcasters), its service from the contract's
 *   `*_SERVICE` constant (`crmEventDefinitions` → `CRM_SERVICE`), topics from `eventsTopic` and
 *   `commandsTopic`;
 * - descriptions: the first sentence of each `DomainEvent<'Context.Type', ...>` type's doc comment
 *   in libs/contracts/src (read with the TypeScript parser, no code run);
 * - consumers and accepted commands: the contracts list neither, so a small static scan of libs/
 *   (TypeScript parser, no code run): every `@EventPattern(...)` handler, and the keys of every
 *   `*CommandHandlers` map. A handler's service is its folder under libs/ (libs/crm/service → crm).
 * A shape the scan cannot read throws, naming the file, rather than leaving a consumer out.
 */

export const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * Contexts whose service the contracts do not name: the channel context has one driver per
 * messenger, and only the Telegram one exists today.
 */
const SERVICE_OF_CONTEXT: Readonly<Record<string, string>> = { channel: 'channel-telegram' };

const exportsOfContracts = contracts as unknown as Readonly<Record<string, unknown>>;

const sourceFiles = (dir: string, into: string[] = []): string[] => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // testing/ holds contract suites with made-up handlers, not a service's.
      if (entry.name !== 'node_modules' && entry.name !== 'testing') sourceFiles(full, into);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      into.push(full);
    }
  }
  return into.sort();
};

/** A source file for the scans below; `fileName` only names it in errors. */
export const parseSource = (fileName: string, text: string): ts.SourceFile =>
  ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);

const parseFile = (file: string): ts.SourceFile => parseSource(file, readFileSync(file, 'utf8'));

const visit = (node: ts.Node, fn: (n: ts.Node) => void): void => {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
};

const where = (node: ts.Node): string => {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  const name = path.isAbsolute(file.fileName)
    ? path.relative(REPO_ROOT, file.fileName)
    : file.fileName;
  return `${name}:${line + 1}`;
};

/** `crmEventDefinitions` → `CRM_SERVICE`, `tasksNotesEventDefinitions` → `TASKS_NOTES_SERVICE`. */
export const serviceConstantOf = (catalogName: string): string =>
  `${catalogName
    .replace(/EventDefinitions$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()}_SERVICE`;

/** The context of an event type, as the bus routes it: `TasksNotes.TaskCreated` → `tasksnotes`. */
const contextOf = (type: string): string => type.slice(0, type.indexOf('.')).toLowerCase();

interface Catalog {
  readonly name: string;
  readonly service: string;
  readonly context: string;
  readonly definitions: readonly EventDefinition[];
}

const isDefinitionList = (value: unknown): value is readonly EventDefinition[] =>
  Array.isArray(value) &&
  value.every((d) => typeof d === 'object' && d !== null && typeof d.type === 'string');

/** Every event catalog `@parley/contracts` exports, with the service that publishes it. */
export const contractCatalogs = (): Catalog[] =>
  Object.entries(exportsOfContracts)
    .filter(([name]) => name.endsWith('EventDefinitions'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => {
      if (!isDefinitionList(value) || value.length === 0) {
        throw new Error(`@parley/contracts ${name} is not a list of event definitions`);
      }
      const contexts = [...new Set(value.map((d) => contextOf(d.type)))];
      if (contexts.length !== 1) {
        throw new Error(`${name} mixes contexts ${contexts.join(', ')}: one catalog per context`);
      }
      const context = contexts[0]!;
      const constant = exportsOfContracts[serviceConstantOf(name)];
      const service = typeof constant === 'string' ? constant : SERVICE_OF_CONTEXT[context];
      if (!service) {
        throw new Error(
          `no service publishes ${name}: export ${serviceConstantOf(name)} from libs/contracts ` +
            `or name the service of context "${context}" in tools/service-catalog`,
        );
      }
      return { name, service, context, definitions: value };
    });

/** First sentence of a doc comment, on one line. */
const firstSentence = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
};

/**
 * A comment that opens a group of event types rather than describing the one below it ("CRM
 * events; streams ...", "The channel context: ..."): it talks of events or a context.
 */
const GROUP_COMMENT = /\b(events|context)\b/i;

/**
 * `'Crm.SaleRecorded'` → "A manual sale (R6).": the first sentence of the doc comment of each
 * `type X = DomainEvent<'Context.Type', ...>` in the file, except a comment that opens a group.
 */
export const eventDescriptionsIn = (file: ts.SourceFile): Map<string, string> => {
  const descriptions = new Map<string, string>();
  visit(file, (node) => {
    if (!ts.isTypeAliasDeclaration(node) || !ts.isTypeReferenceNode(node.type)) return;
    if (node.type.typeName.getText() !== 'DomainEvent') return;
    const typeArg = node.type.typeArguments?.[0];
    if (!typeArg || !ts.isLiteralTypeNode(typeArg) || !ts.isStringLiteral(typeArg.literal)) return;
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const doc = docs[docs.length - 1];
    const sentence = doc ? firstSentence(ts.getTextOfJSDocComment(doc.comment) ?? '') : '';
    if (sentence && !GROUP_COMMENT.test(sentence)) descriptions.set(typeArg.literal.text, sentence);
  });
  return descriptions;
};

/** The string an expression stands for: a literal, a constant of its file or of the contracts. */
const resolveString = (expr: ts.Expression): string => {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isIdentifier(expr)) {
    let local: string | null = null;
    visit(expr.getSourceFile(), (node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === expr.text &&
        node.initializer &&
        (ts.isStringLiteral(node.initializer) ||
          ts.isNoSubstitutionTemplateLiteral(node.initializer))
      ) {
        local = node.initializer.text;
      }
    });
    if (local !== null) return local;
    const exported = exportsOfContracts[expr.text];
    if (typeof exported === 'string') return exported;
  }
  if (
    ts.isCallExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'eventsTopic' &&
    expr.arguments.length === 1
  ) {
    return eventsTopic(resolveString(expr.arguments[0]!));
  }
  throw new Error(`tools/service-catalog cannot read ${expr.getText()} at ${where(expr)}`);
};

const propertyOf = (obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined => {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
  }
  return undefined;
};

/**
 * The `@EventPattern(pattern, extras)` handlers of one file of `service`, routed as the bus routes
 * them (libs/bus `eventRoute`): an event type reads its context's events topic, `{ topic }` the
 * whole topic; `extras.consumer` makes the group `{service}.{consumer}`.
 */
export const subscriptionsIn = (file: ts.SourceFile, service: string): Subscription[] => {
  const subscriptions: Subscription[] = [];
  visit(file, (node) => {
    if (!ts.isDecorator(node) || !ts.isCallExpression(node.expression)) return;
    const call = node.expression;
    if (!ts.isIdentifier(call.expression) || call.expression.text !== 'EventPattern') return;
    const [pattern, extras] = call.arguments;
    if (!pattern) throw new Error(`@EventPattern without a pattern at ${where(node)}`);
    const consumerExpr =
      extras && ts.isObjectLiteralExpression(extras) ? propertyOf(extras, 'consumer') : undefined;
    const group = consumerExpr ? `${service}.${resolveString(consumerExpr)}` : service;
    if (ts.isObjectLiteralExpression(pattern)) {
      const topic = propertyOf(pattern, 'topic');
      if (!topic) throw new Error(`@EventPattern without a topic at ${where(node)}`);
      subscriptions.push({ service, group, topic: resolveString(topic), eventType: null });
    } else {
      const eventType = resolveString(pattern);
      subscriptions.push({ service, group, topic: eventsTopic(contextOf(eventType)), eventType });
    }
  });
  return subscriptions;
};

/** The object a `*CommandHandlers` arrow function returns, if it is an object literal. */
const returnedObject = (fn: ts.ArrowFunction): ts.ObjectLiteralExpression | null => {
  let body: ts.Node = fn.body;
  while (ts.isParenthesizedExpression(body)) body = body.expression;
  if (ts.isObjectLiteralExpression(body)) return body;
  if (!ts.isBlock(body)) return null;
  const last = body.statements[body.statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression) return null;
  return ts.isObjectLiteralExpression(last.expression) ? last.expression : null;
};

/** A `*CommandHandlers` map: its command types and the maps spread into it, in source order. */
export interface CommandMap {
  readonly name: string;
  readonly entries: readonly (string | { readonly spread: string })[];
}

/** The name of `otherCommandHandlers` in a spread `...otherCommandHandlers(store)`, else null. */
const spreadMapName = (p: ts.ObjectLiteralElementLike): string | null => {
  if (!ts.isSpreadAssignment(p) || !ts.isCallExpression(p.expression)) return null;
  const callee = p.expression.expression;
  return ts.isIdentifier(callee) && callee.text.endsWith('CommandHandlers') ? callee.text : null;
};

/** The file's `*CommandHandlers` maps (`(store) => ({ Type: handler, ... })`). */
export const commandMapsIn = (file: ts.SourceFile): CommandMap[] => {
  const maps: CommandMap[] = [];
  visit(file, (node) => {
    if (
      !ts.isVariableDeclaration(node) ||
      !ts.isIdentifier(node.name) ||
      !node.name.text.endsWith('CommandHandlers') ||
      !node.initializer ||
      !ts.isArrowFunction(node.initializer)
    ) {
      return;
    }
    const handlers = returnedObject(node.initializer);
    if (!handlers) {
      throw new Error(`cannot read the command types of ${node.name.text} at ${where(node)}`);
    }
    const entries = handlers.properties.map((p) => {
      const spread = spreadMapName(p);
      if (spread) return { spread };
      if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        throw new Error(`cannot read a command type at ${where(p)}`);
      }
      return p.name.text;
    });
    maps.push({ name: node.name.text, entries });
  });
  return maps;
};

/**
 * The command types of one service's maps: each map no other spreads, in order, with the maps
 * spread into it expanded where they are spread.
 */
export const commandTypesOf = (maps: readonly CommandMap[]): string[] => {
  const byName = new Map(maps.map((m) => [m.name, m]));
  const spread = new Set(
    maps.flatMap((m) => m.entries.flatMap((e) => (typeof e === 'string' ? [] : [e.spread]))),
  );
  const expand = (map: CommandMap, seen: readonly string[]): string[] =>
    map.entries.flatMap((e) => {
      if (typeof e === 'string') return [e];
      const inner = byName.get(e.spread);
      if (!inner) throw new Error(`${map.name} spreads ${e.spread}, declared in no other file`);
      if (seen.includes(inner.name)) throw new Error(`${inner.name} spreads itself`);
      return expand(inner, [...seen, inner.name]);
    });
  return maps.filter((m) => !spread.has(m.name)).flatMap((m) => expand(m, [m.name]));
};

/** The service a file under libs/ belongs to: its first folder (libs/crm/service/... → crm). */
const serviceOfFile = (file: string, root: string): string =>
  path.relative(path.join(root, 'libs'), file).split(path.sep)[0]!;

const bySubscription = (a: Subscription, b: Subscription): number =>
  a.service.localeCompare(b.service) ||
  a.group.localeCompare(b.group) ||
  a.topic.localeCompare(b.topic) ||
  (a.eventType ?? '').localeCompare(b.eventType ?? '');

const consumersOf = (
  type: string,
  topic: string,
  subscriptions: readonly Subscription[],
): EventConsumer[] =>
  subscriptions
    .filter((s) => s.topic === topic && (s.eventType === null || s.eventType === type))
    .map((s) => ({ service: s.service, group: s.group, wholeTopic: s.eventType === null }));

/** The catalog README's section is rendered from, read from the repository at `root`. */
export const collectServiceCatalog = (root: string = REPO_ROOT): ServiceCatalog => {
  const subscriptions: Subscription[] = [];
  const commandMaps = new Map<string, CommandMap[]>();
  for (const file of sourceFiles(path.join(root, 'libs'))) {
    const source = parseFile(file);
    const service = serviceOfFile(file, root);
    subscriptions.push(...subscriptionsIn(source, service));
    const maps = commandMapsIn(source);
    if (maps.length > 0) commandMaps.set(service, [...(commandMaps.get(service) ?? []), ...maps]);
  }
  const commands = new Map(
    [...commandMaps].map(([service, maps]) => [service, commandTypesOf(maps)] as const),
  );
  subscriptions.sort(bySubscription);
  const descriptions = new Map<string, string>();
  for (const file of sourceFiles(path.join(root, 'libs/contracts/src'))) {
    for (const [type, text] of eventDescriptionsIn(parseFile(file))) descriptions.set(type, text);
  }

  const publishers: PublishingService[] = contractCatalogs().map((catalog) => {
    const topic = eventsTopic(catalog.context);
    const events: PublishedEvent[] = catalog.definitions.map((d) => ({
      type: d.type,
      schemaVersion: d.schemaVersion,
      upcastsFrom: Object.keys(d.upcasters ?? {})
        .map(Number)
        .sort((a, b) => a - b),
      description: descriptions.get(d.type) ?? null,
      consumers: consumersOf(d.type, topic, subscriptions),
    }));
    const types = commands.get(catalog.service);
    return {
      service: catalog.service,
      context: catalog.context,
      eventsTopic: topic,
      events,
      commands: types ? { topic: commandsTopic(catalog.service), types } : null,
    };
  });
  const unpublished = [...commands.keys()].filter((s) => !publishers.some((p) => p.service === s));
  if (unpublished.length > 0) {
    throw new Error(
      `services with command handlers but no event catalog in libs/contracts: ${unpublished.join(', ')}`,
    );
  }
  return {
    publishers: publishers.sort((a, b) => a.service.localeCompare(b.service)),
    subscriptions,
  };
};
