import type { ConversationTranslationEvent } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  embeddedEngines,
  startServiceHarness,
  type ServiceHarness,
} from '@parley/platform/testing';
import { conversationHistory, timelineItemId, type StreamEvent } from '@parley/projections';
import { createInMemoryReadStore } from '@parley/read-store';
import { createPgliteSearchIndex, type SearchIndex } from '@parley/search';
import { waitUntil } from '@parley/test-infra';
import { ProjectorServiceModule } from './projector-service.module';

const h = conversationHistory('w1', '4242');
const T0 = '2026-12-03T10:00:00.000Z';
const T1 = '2026-12-03T10:01:00.000Z';
const T2 = '2026-12-03T10:02:00.000Z';

describe('projector service feeding the search read model (PGlite event store → relay → bus → PGlite search)', () => {
  let store: EventStore;
  let searchIndex: SearchIndex;
  let harness: ServiceHarness;

  const append = async (...events: StreamEvent[]) => {
    for (const e of events) await store.append(e.streamName, [e.event], { expected: 'any' });
  };

  beforeAll(async () => {
    searchIndex = await createPgliteSearchIndex();
    harness = await startServiceHarness({
      engines: embeddedEngines(),
      serviceName: 'projector',
      workspaceId: 'w1',
      readStore: createInMemoryReadStore(),
      searchIndex,
      modules: [ProjectorServiceModule.register()],
    });
    ({ store } = harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('given a conversation, its messages and a translation in the store, then search finds the client by name, a message by its words and by its translation', async () => {
    /** An event of the conversation's translation stream, as the translation service writes it. */
    const translation = (
      type: ConversationTranslationEvent['type'],
      data: Record<string, unknown>,
    ): StreamEvent => ({
      streamName: `translation-${h.conversationId}`,
      event: {
        type,
        data: { conversationId: h.conversationId, messageId: 'm1', ...data },
        metadata: {
          eventId: `${type}-m1`,
          workspaceId: 'w1',
          aggregateId: h.conversationId,
          occurredAt: T2,
          schemaVersion: 1,
          correlationId: 'c1',
          causationId: null,
          actor: { kind: 'system', id: 'translation' },
        },
      } as unknown as StreamEvent['event'],
    });
    const detected = translation('Translation.LanguageDetected', { language: 'ru' });
    const translated = translation('Translation.MessageTranslated', {
      from: 'ru',
      to: 'en',
      text: 'Where is my parcel?',
      provider: 'libretranslate',
    });
    await append(
      h.started(T0),
      h.clientMessage('m1', 'Где моя посылка?', T1),
      h.managerMessage('o1', 'Your order ships tomorrow', T2),
      detected,
      translated,
    );

    const byTranslation = await waitUntil('the translation to be searchable', async () => {
      const hits = await searchIndex.search('w1', 'parcels', 10);
      return hits.length > 0 ? hits : undefined;
    });
    expect(byTranslation[0]).toMatchObject({
      conversationId: h.conversationId,
      contactName: 'Ann Karenina',
      matchedIn: 'translation',
      message: { timelineItemId: timelineItemId(h.conversationId, 'm1'), direction: 'in' },
    });
    // Stemmed in Russian, the language detected for it.
    expect((await searchIndex.search('w1', 'посылку', 10)).map((hit) => hit.matchedIn)).toEqual([
      'message',
    ]);
    expect(await searchIndex.search('w1', 'karenina', 10)).toMatchObject([
      { matchedIn: 'name', lastActivityAt: T2 },
    ]);
    expect((await searchIndex.search('w1', 'ships', 10))[0]?.message?.direction).toBe('out');
  });
});
