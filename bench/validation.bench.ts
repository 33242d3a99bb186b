import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import {
  ContractViolation,
  conversationEventDefinitions,
  EventEnvelopeDto,
  validatePlain,
} from '@parley/contracts';
import {
  measure,
  progress,
  type BenchOptions,
  type BenchOutcome,
  type Comparison,
  type Measurement,
} from './report';

/**
 * Validation of one event as a consumer reads it (issue 8, third round): the envelope, then the
 * payload against its type's DTO, for a Conversation.ClientMessageReceived, the event every
 * inbound message becomes. Ours is `validatePlain` (a cached plan run on the plain value, and
 * class-validator only for what fails it); the baseline is what validatePlain did before and what
 * class-validator documents, `validateSync(plainToInstance(dto, plain))` with the same options.
 * A second pair times a bad payload, which both hand to class-validator for its errors.
 */

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

const definition = conversationEventDefinitions.find(
  (d) => d.type === 'Conversation.ClientMessageReceived',
);
if (!definition) throw new Error('no Conversation.ClientMessageReceived definition');
const dataDto = definition.data;

/** A text message of a new client, with an entity, as the conversation service records it. */
const clientMessageReceived = (n: number) => ({
  type: 'Conversation.ClientMessageReceived',
  data: {
    conversationId: `ws-1:telegram:7000000001:${900000000 + n}`,
    messageId: `5d0f6c2e-8a41-5b7e-9c3d-${String(n).padStart(12, '0')}`,
    externalMessageId: String(4000 + n),
    content: {
      kind: 'text',
      text: 'Hello! Do you deliver to Madrid, and how long does it take? Thanks',
      entities: [{ type: 'bold', offset: 0, length: 5, url: null, userId: null }],
    },
    sentAt: '2026-12-03T09:00:00.000Z',
    clientOrder: 4000 + n,
    placedAt: '2026-12-03T09:00:00.120Z',
  },
  metadata: {
    eventId: `0f0e7c86-8d8b-5a36-9a8e-${String(n).padStart(12, '0')}`,
    workspaceId: 'ws-1',
    aggregateId: `ws-1:telegram:7000000001:${900000000 + n}`,
    occurredAt: '2026-12-03T09:00:00.120Z',
    schemaVersion: definition.schemaVersion,
    correlationId: `corr-${n}`,
    causationId: `cause-${n}`,
    actor: { kind: 'client', id: `tg:${900000000 + n}` },
  },
});

type Event = ReturnType<typeof clientMessageReceived>;

/** The same event with a bad text entity and an unknown field: both name the same fields. */
const broken = (event: Event) => ({
  ...event,
  data: {
    ...event.data,
    content: { ...event.data.content, entities: [{ type: 'bold', offset: -1, length: 5 }] },
    extra: true,
  },
});

const fieldsOf = (errors: readonly ValidationError[], prefix = ''): string[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [...(e.constraints ? [field] : []), ...fieldsOf(e.children ?? [], field)];
  });

/** What our side reports: the bad fields, none for a good event. */
const ours = (event: unknown): string[] => {
  try {
    const envelope = validatePlain<Event>(EventEnvelopeDto, event, 'event');
    validatePlain(dataDto, envelope.data, `${envelope.type} data`);
    return [];
  } catch (error) {
    if (error instanceof ContractViolation) return error.issues.map((i) => i.field);
    throw error;
  }
};

/** An event as both sides take it: an object with a payload. */
type Payload = { readonly data: object };

/** The same through class-validator alone. */
const baseline = (event: Payload): string[] => {
  const envelope = fieldsOf(validateSync(plainToInstance(EventEnvelopeDto, event), OPTIONS));
  if (envelope.length > 0) return envelope;
  return fieldsOf(validateSync(plainToInstance(dataDto, event.data), OPTIONS));
};

const timed = (label: string, events: readonly Payload[], check: (e: Payload) => string[]) =>
  measure(
    label,
    events.length,
    async () => {
      for (const event of events) check(event);
    },
    { latencies: false },
  );

export const validation = async ({ quick }: BenchOptions): Promise<BenchOutcome> => {
  const count = quick ? 5_000 : 20_000;
  progress(`validation: ${count} ClientMessageReceived events, envelope and payload`);
  const good = Array.from({ length: count }, (_, n) => clientMessageReceived(n));
  const bad = good.map(broken);

  // Both sides must agree before either is timed: nothing on good events, the same fields on bad.
  for (const [event, wrong] of [
    [good[0], bad[0]],
    [good[count - 1], bad[count - 1]],
  ] as const) {
    if (!event || !wrong) throw new Error('no events');
    const [a, b] = [ours(event), baseline(event)];
    if (a.length > 0 || b.length > 0) throw new Error(`a good event failed: ${a} / ${b}`);
    const [c, d] = [ours(wrong).sort(), baseline(wrong).sort()];
    if (c.length === 0 || c.join() !== d.join()) {
      throw new Error(`a bad event is reported differently: ${c} / ${d}`);
    }
  }
  // Warm-up (JIT, the plans' first build).
  for (const event of good.slice(0, 1000)) {
    ours(event);
    baseline(event);
  }

  const comparisons: Comparison[] = [];
  const pairs: [string, Payload[], string][] = [
    ['good', good, 'a good event'],
    ['bad', bad, 'a bad event (its errors worded)'],
  ];
  for (const [name, events, what] of pairs) {
    const base: Measurement = await timed('validateSync(plainToInstance(dto))', events, baseline);
    const mine: Measurement = await timed('validatePlain', events, ours);
    comparisons.push({
      title: `validation / ${name}`,
      work: `${count} Conversation.ClientMessageReceived events, envelope then payload: ${what}`,
      ours: mine,
      baseline: base,
    });
  }
  return { comparisons, skipped: [] };
};
