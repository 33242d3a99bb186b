import type {
  Actor,
  ClientCard,
  ConversationTranslationEvent,
  EventEnvelope,
  TimelineItem,
  TranslationSettingsEvent,
  TranslationSettingsView,
} from '@parley/contracts';
import {
  conversationHistory,
  projectEvent,
  projectWorkspaceEvent,
  recordInOrder,
  type ProjectableEvent,
} from '@parley/projections';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { applyRecorded } from './testing/projected-documents';

const h = conversationHistory();
const T0 = '2026-12-01T10:00:00.000Z';
const T1 = '2026-12-01T10:01:00.000Z';
const T2 = '2026-12-01T10:02:00.000Z';
const translationStream = `translation-${h.conversationId}`;
const manager: Actor = { kind: 'manager', id: 'm1' };
const service: Actor = { kind: 'system', id: 'translation' };

let seq = 0;
const translationEvent = <E extends ConversationTranslationEvent | TranslationSettingsEvent>(
  type: E['type'],
  data: E['data'],
  actor: Actor = service,
): EventEnvelope =>
  ({
    type,
    data,
    metadata: {
      eventId: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
      workspaceId: 'w1',
      aggregateId: h.conversationId,
      occurredAt: T2,
      schemaVersion: 1,
      correlationId: 'c1',
      causationId: null,
      actor,
    },
  }) as unknown as EventEnvelope;

/** Translation settings feed the workspace's read models; the rest, the conversation's. */
const apply = (readStore: ReadStore, recorded: readonly ProjectableEvent[]) =>
  applyRecorded(readStore, recorded, [projectWorkspaceEvent, projectEvent]);

/** The translation stream's events at positions after the conversation's. */
const inTranslationStream = (events: readonly EventEnvelope[], from = 100): ProjectableEvent[] =>
  events.map((event, i) => ({
    streamName:
      event.type.startsWith('Translation.Settings') ||
      event.type === 'Translation.AssistantConfigured'
        ? 'translation-w1:settings'
        : translationStream,
    revision: i,
    position: String(from + i),
    event,
  }));

const detected = translationEvent('Translation.LanguageDetected', {
  conversationId: h.conversationId,
  messageId: 'm1',
  language: 'es',
});
const translated = translationEvent('Translation.MessageTranslated', {
  conversationId: h.conversationId,
  messageId: 'm1',
  from: 'es',
  to: 'ru',
  text: 'Сколько стоит курс?',
  provider: 'libretranslate',
});

const itemOf = async (readStore: ReadStore, messageId: string) =>
  (await readStore.collection('timeline').findOne({ _id: `${h.conversationId}|${messageId}` })) as
    (TimelineItem & Record<string, unknown>) | null;

describe('translation read models (issue 12: C2, B7)', () => {
  it('given a client message and its translation, then the timeline item carries the language and the translation, whichever came first', async () => {
    const conversation = recordInOrder([
      h.started(T0),
      h.clientMessage('m1', '¿Cuánto cuesta el curso?', T1),
    ]);
    const translation = inTranslationStream([detected, translated]);

    for (const order of [
      [...conversation, ...translation],
      [...translation, ...conversation],
    ]) {
      const readStore = createInMemoryReadStore();
      await apply(readStore, order);
      const item = await itemOf(readStore, 'm1');
      expect(item).toMatchObject({
        workspaceId: 'w1',
        item: { kind: 'message', content: { text: '¿Cuánto cuesta el curso?' } },
        language: 'es',
        translation: { status: 'translated', text: 'Сколько стоит курс?', from: 'es', to: 'ru' },
      });
      const card = (await readStore.collection('cards').findOne({ _id: h.conversationId })) as
        (ClientCard & Record<string, unknown>) | null;
      expect(card?.languages).toEqual({ detected: 'es', client: null, team: null });
    }
  });

  it('given a translation before its message, then no query of the conversation sees a half item', async () => {
    const readStore = createInMemoryReadStore();
    await apply(readStore, inTranslationStream([translated]));
    expect(
      await readStore
        .collection('timeline')
        .find({ workspaceId: 'w1', conversationId: h.conversationId }),
    ).toEqual([]);
  });

  it('given a failure then a translation after a retry, then the item shows the translation; applied twice, the same', async () => {
    const readStore = createInMemoryReadStore();
    const failed = translationEvent('Translation.MessageTranslationFailed', {
      conversationId: h.conversationId,
      messageId: 'm1',
      to: 'ru',
      reason: 'quota_exceeded',
      retryable: true,
      detail: 'The daily limit was reached',
    });
    await apply(readStore, recordInOrder([h.started(T0), h.clientMessage('m1', 'Hola', T1)]));
    const events = inTranslationStream([failed]);
    await apply(readStore, events);
    expect((await itemOf(readStore, 'm1'))?.translation).toEqual({
      status: 'failed',
      to: 'ru',
      reason: 'quota_exceeded',
      retryable: true,
    });
    const both = inTranslationStream([failed, translated]);
    await apply(readStore, both);
    await apply(readStore, both);
    expect((await itemOf(readStore, 'm1'))?.translation).toMatchObject({ status: 'translated' });
  });

  it('given a manager message sent in translation, then its item keeps what the manager wrote', async () => {
    const readStore = createInMemoryReadStore();
    const sent = h.managerMessage('o1', 'El curso cuesta 100 euros.', T1);
    const withOriginal = {
      ...sent,
      event: {
        ...sent.event,
        data: {
          ...sent.event.data,
          translatedFrom: { text: 'Курс стоит 100 евро.', language: 'ru' },
        },
      },
    } as typeof sent;
    await apply(readStore, recordInOrder([h.started(T0), withOriginal]));
    expect(await itemOf(readStore, 'o1')).toMatchObject({
      item: { direction: 'out', content: { kind: 'text', text: 'El curso cuesta 100 euros.' } },
      translation: { status: 'original', text: 'Курс стоит 100 евро.', language: 'ru' },
    });
  });

  it('given a scoring, then an action item by the manager who asked, with the model and the next step', async () => {
    const readStore = createInMemoryReadStore();
    await apply(readStore, recordInOrder([h.started(T0), h.clientMessage('m1', 'Hola', T1)]));
    const scored = translationEvent(
      'Translation.ConversationScored',
      {
        conversationId: h.conversationId,
        summary: 'The client asks for the price.',
        nextStep: 'Send the offer.',
        model: 'gpt-test',
        demo: false,
        scoredAt: T2,
      },
      manager,
    );
    await apply(readStore, inTranslationStream([scored]));
    const items = await readStore
      .collection('timeline')
      .find({ workspaceId: 'w1', conversationId: h.conversationId }, { sort: { orderKey: 1 } });
    expect(items.at(-1)).toMatchObject({
      at: T2,
      actor: manager,
      item: {
        kind: 'action',
        action: 'conversation.scored',
        details: {
          summary: 'The client asks for the price.',
          nextStep: 'Send the offer.',
          model: 'gpt-test',
          demo: false,
        },
      },
    });
  });

  it('given settings and an assistant, then translation_settings shows the provider, language and model, never the sealed settings', async () => {
    const readStore = createInMemoryReadStore();
    const changed = translationEvent('Translation.SettingsChanged', {
      provider: 'google',
      teamLanguage: 'ru',
      changedBy: 'admin-1',
    });
    const assistant = translationEvent('Translation.AssistantConfigured', {
      sealed: 'v1.abcd1234.secret',
      model: 'gpt-test',
      configuredBy: 'admin-1',
    });
    await apply(readStore, inTranslationStream([changed, assistant]));
    const document = await readStore.collection('translation_settings').findOne({ _id: 'w1' });
    const { _id, _applied, ...view } = document as Record<string, unknown>;
    expect(view).toEqual({
      workspaceId: 'w1',
      provider: 'google',
      teamLanguage: 'ru',
      assistant: { configured: true, model: 'gpt-test' },
    } satisfies TranslationSettingsView & { workspaceId: string });
    expect(JSON.stringify(document)).not.toContain('secret');
  });
});
