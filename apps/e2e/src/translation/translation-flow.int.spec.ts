// The translation service with the conversation and CRM services it reads, on embedded engines
// (PGlite + in-process bus), its providers the LibreTranslate and OpenAI stand-ins: local HTTP
// servers the real clients talk to.
import { randomBytes } from 'node:crypto';
import type { CommandSender } from '@parley/command-handling';
import {
  assistantKeySealContext,
  CRM_SERVICE,
  deterministicId,
  newId,
  streamName,
  telegramConversationId,
  telegramDealId,
  templateLibraryId,
  TRANSLATION_SERVICE,
  translationSettingsKey,
  type ChannelMessageReceived,
  type CommandEnvelope,
  type CommandOutcome,
  type EventEnvelope,
} from '@parley/contracts';
import { ConversationServiceModule } from '@parley/conversation-service';
import { CrmServiceModule } from '@parley/crm-service';
import type { EventStore } from '@parley/eventstore';
import {
  embeddedEngines,
  startServiceHarness,
  type ServiceHarness,
} from '@parley/platform/testing';
import { SecretBox } from '@parley/platform';
import { waitUntil } from '@parley/test-infra';
import {
  conversationTranslationStream,
  draftStream,
  translationSettingsStream,
  TranslationServiceModule,
} from '@parley/translation-service';
import {
  LibreTranslateStandIn,
  startOpenAiStandIn,
  type OpenAiStandIn,
} from '@parley/translation-service/testing';

const hex = () => randomBytes(4).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let lastUpdateId = Number.parseInt(hex(), 16);
const telegramUserId = () => String(Number.parseInt(hex(), 16));
const botId = '111';
const admin = { kind: 'manager' as const, id: 'admin-1' };

type Harness = ServiceHarness<{ timeoutMs: number }>;

/** Commands and client messages of one workspace, on one harness. */
const workspaceDriver = (harness: Harness, workspaceId: string) => {
  const store: EventStore = harness.store;
  const sender: CommandSender = harness.sender;
  const eventsOf = async (stream: string): Promise<EventEnvelope[]> =>
    (await store.readStream(stream)).map((r) => r.event);

  const send = (
    service: string,
    type: string,
    aggregateId: string,
    data: object,
  ): Promise<CommandOutcome> => {
    const command: CommandEnvelope = {
      commandId: newId(),
      service,
      type,
      data,
      metadata: {
        workspaceId,
        aggregateId,
        issuedAt: new Date().toISOString(),
        correlationId: newId(),
        causationId: null,
        actor: admin,
      },
    };
    return sender.send(command);
  };

  /** A client writes `text` in a private chat, as channel-telegram stores it. */
  const clientWrites = async (who: string, text: string, languageCode: string | null = null) => {
    const updateId = ++lastUpdateId;
    const conversationId = telegramConversationId(workspaceId, botId, who);
    const eventId = deterministicId('tg', botId, updateId);
    const event: ChannelMessageReceived = {
      type: 'Channel.MessageReceived',
      data: {
        channel: 'telegram',
        botId,
        chatId: who,
        conversationId,
        client: {
          externalId: who,
          username: null,
          firstName: 'Lucía',
          lastName: 'García',
          languageCode,
        },
        updateId,
        externalMessageId: String(updateId),
        content: { kind: 'text', text },
        sentAt: new Date().toISOString(),
      },
      metadata: {
        eventId,
        workspaceId,
        aggregateId: conversationId,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
        correlationId: eventId,
        causationId: null,
        actor: { kind: 'client', id: who },
      },
    };
    await store.append(streamName('channel', conversationId), [event], { expected: 'any' });
    const message = await waitUntil(`the conversation's record of "${text}"`, async () =>
      (await eventsOf(streamName('conversation', conversationId))).find(
        (e) =>
          e.type === 'Conversation.ClientMessageReceived' &&
          (e.data as { content: { text?: string } }).content.text === text,
      ),
    );
    return { conversationId, messageId: (message.data as { messageId: string }).messageId };
  };

  /** The translation event of `type` about a message (or the conversation), once it is stored. */
  const translationEvent = (
    conversationId: string,
    type: string,
    messageId?: string,
  ): Promise<EventEnvelope> =>
    waitUntil(`${type} in ${conversationId}`, async () =>
      (await eventsOf(conversationTranslationStream(conversationId))).find(
        (e) =>
          e.type === type &&
          (messageId === undefined || (e.data as { messageId?: string }).messageId === messageId),
      ),
    );

  const translationTypes = async (conversationId: string, messageId: string) =>
    (await eventsOf(conversationTranslationStream(conversationId)))
      .filter((e) => (e.data as { messageId?: string }).messageId === messageId)
      .map((e) => e.type);

  return { store, eventsOf, send, clientWrites, translationEvent, translationTypes };
};

describe('translation service with conversation and crm on PGlite + in-process bus', () => {
  const workspaceId = `ws${hex()}`;
  const secretKey = randomBytes(32).toString('base64');
  let harness: Harness;
  let libre: LibreTranslateStandIn;
  let openAi: OpenAiStandIn;
  let ws: ReturnType<typeof workspaceDriver>;
  const client = telegramUserId();
  let conversationId: string;

  beforeAll(async () => {
    libre = await LibreTranslateStandIn.start(null);
    openAi = await startOpenAiStandIn({ apiKey: 'sk-test-key', models: ['gpt-test'] });
    harness = await startServiceHarness({
      engines: embeddedEngines(),
      serviceName: `translation-test-${hex()}`,
      workspaceId,
      modules: [
        ConversationServiceModule.register(),
        CrmServiceModule.register(),
        TranslationServiceModule.register({
          libretranslate: { url: libre.url },
          secretKey,
        }),
      ],
      commandSender: { timeoutMs: 30_000 },
    });
    ws = workspaceDriver(harness, workspaceId);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    await libre?.close();
    await openAi?.close();
  });

  it('given a manager, when ChangeTranslationSettings is sent, then it is rejected: admins only', async () => {
    const outcome = await ws.send(
      TRANSLATION_SERVICE,
      'ChangeTranslationSettings',
      translationSettingsKey(workspaceId),
      { provider: 'libretranslate', teamLanguage: 'ru', actorRole: 'manager' },
    );

    expect(outcome).toMatchObject({ status: 'rejected', code: 'role.admin_only' });
    expect(await ws.eventsOf(translationSettingsStream(workspaceId))).toEqual([]);
  });

  it('given no provider chosen, when a client writes in Spanish, then the language is detected and nothing is translated', async () => {
    const written = await ws.clientWrites(client, 'Hola, ¿cuánto cuesta el envío a Madrid?');
    conversationId = written.conversationId;

    const detected = await ws.translationEvent(
      conversationId,
      'Translation.LanguageDetected',
      written.messageId,
    );
    await sleep(300);

    expect(detected.data).toEqual({ conversationId, messageId: written.messageId, language: 'es' });
    expect(await ws.translationTypes(conversationId, written.messageId)).toEqual([
      'Translation.LanguageDetected',
    ]);
    expect(libre.translateRequests()).toEqual([]);
  });

  it('given LibreTranslate and the team language ru, when a client writes in Spanish, then the message is detected as es and translated es→ru', async () => {
    const changed = await ws.send(
      TRANSLATION_SERVICE,
      'ChangeTranslationSettings',
      translationSettingsKey(workspaceId),
      { provider: 'libretranslate', teamLanguage: 'ru', actorRole: 'admin' },
    );
    expect(changed).toMatchObject({ status: 'accepted' });
    const text = 'Buenos días, quiero comprar dos camisetas azules.';

    const { messageId } = await ws.clientWrites(client, text);
    const translated = await ws.translationEvent(
      conversationId,
      'Translation.MessageTranslated',
      messageId,
    );

    expect(translated.data).toEqual({
      conversationId,
      messageId,
      from: 'es',
      to: 'ru',
      text: `[ru] ${text}`,
      provider: 'libretranslate',
    });
    expect(libre.translateRequests().at(-1)).toEqual({ texts: [text], source: 'es', target: 'ru' });
    expect(await ws.translationTypes(conversationId, messageId)).toEqual([
      'Translation.LanguageDetected',
      'Translation.MessageTranslated',
    ]);
  });

  it('given the provider down, when a client writes, then the failure is recorded as retryable; when RetryTranslation is sent after it is back, then the message is translated', async () => {
    libre.failNext('server_error');
    const text = '¿Tienen también camisetas de color verde en talla mediana?';

    const { messageId } = await ws.clientWrites(client, text);
    const failed = await ws.translationEvent(
      conversationId,
      'Translation.MessageTranslationFailed',
      messageId,
    );
    expect(failed.data).toMatchObject({
      conversationId,
      messageId,
      to: 'ru',
      reason: 'unavailable',
      retryable: true,
    });

    const retried = await ws.send(TRANSLATION_SERVICE, 'RetryTranslation', conversationId, {
      conversationId,
      messageId,
    });

    expect(retried).toMatchObject({ status: 'accepted' });
    expect(
      (await ws.translationEvent(conversationId, 'Translation.MessageTranslated', messageId)).data,
    ).toMatchObject({ from: 'es', to: 'ru', text: `[ru] ${text}` });
    expect(await ws.translationTypes(conversationId, messageId)).toEqual([
      'Translation.LanguageDetected',
      'Translation.MessageTranslationFailed',
      'Translation.MessageTranslated',
    ]);
  });

  it('given the chat, when TranslateDraft is sent, then the draft is translated ru→es on its own stream', async () => {
    const draftId = newId();
    const original = 'Здравствуйте! Доставка в Мадрид стоит 10 евро.';

    const outcome = await ws.send(TRANSLATION_SERVICE, 'TranslateDraft', conversationId, {
      draftId,
      conversationId,
      text: original,
    });

    expect(outcome).toMatchObject({ status: 'accepted' });
    expect((await ws.eventsOf(draftStream(workspaceId, draftId))).map((e) => e.data)).toEqual([
      {
        draftId,
        conversationId,
        original,
        from: 'ru',
        to: 'es',
        text: `[es] ${original}`,
        provider: 'libretranslate',
      },
    ]);
  });

  it('given no AI assistant and no demo, when DraftReply is sent, then the draft fails as not_configured', async () => {
    const draftId = newId();

    const outcome = await ws.send(TRANSLATION_SERVICE, 'DraftReply', conversationId, {
      draftId,
      conversationId,
      language: null,
    });

    expect(outcome).toMatchObject({ status: 'accepted' });
    expect((await ws.eventsOf(draftStream(workspaceId, draftId))).map((e) => e.data)).toEqual([
      expect.objectContaining({ request: 'advice', reason: 'not_configured', retryable: false }),
    ]);
  });

  it('given an assistant on the OpenAI stand-in and a template, when DraftReply is sent, then a reply is drafted in ru from the conversation, its translations, the card and the templates', async () => {
    const templated = await ws.send(CRM_SERVICE, 'CreateTemplate', templateLibraryId(workspaceId), {
      templateId: newId(),
      name: 'Shipping prices',
      shortcode: 'shipping',
      text: 'Shipping to Spain costs 10 EUR.',
      attachment: null,
      actorRole: 'admin',
    });
    const configured = await ws.send(
      TRANSLATION_SERVICE,
      'ConfigureAssistant',
      translationSettingsKey(workspaceId),
      {
        endpoint: openAi.baseUrl,
        model: 'gpt-test',
        // As the gateway sends it: sealed under the key the service shares.
        sealedApiKey: SecretBox.fromBase64Key(secretKey).seal(
          'sk-test-key',
          assistantKeySealContext(workspaceId),
        ),
        actorRole: 'admin',
      },
    );
    expect(templated).toMatchObject({ status: 'accepted' });
    expect(configured).toMatchObject({ status: 'accepted' });
    const stored = await ws.eventsOf(translationSettingsStream(workspaceId));
    expect(stored.map((e) => e.type)).toEqual([
      'Translation.SettingsChanged',
      'Translation.AssistantConfigured',
    ]);
    expect(JSON.stringify(stored)).not.toContain('sk-test-key');
    await waitUntil('the deal', async () =>
      (await ws.eventsOf(streamName('crm', telegramDealId(workspaceId, client)))).length > 0
        ? true
        : undefined,
    );
    const draftId = newId();

    const outcome = await ws.send(TRANSLATION_SERVICE, 'DraftReply', conversationId, {
      draftId,
      conversationId,
      language: null,
    });

    expect(outcome).toMatchObject({ status: 'accepted' });
    const [drafted] = await ws.eventsOf(draftStream(workspaceId, draftId));
    expect(drafted).toMatchObject({
      type: 'Translation.ReplyDrafted',
      data: { draftId, conversationId, language: 'ru', model: 'gpt-test-2024-07-18', demo: false },
    });
    const request = openAi.requests.at(-1)!;
    expect(request.authorization).toBe('Bearer sk-test-key');
    const prompt = JSON.stringify(request.body);
    expect(prompt).toContain('Buenos días, quiero comprar dos camisetas azules.');
    expect(prompt).toContain('[ru] Buenos días, quiero comprar dos camisetas azules.');
    expect(prompt).toContain('Lucía García');
    expect(prompt).toContain('Shipping prices');
    expect(prompt).toContain('Russian');
  });

  it('given the assistant, when ScoreConversation is sent, then the conversation is scored with the model’s name', async () => {
    openAi.answerNext({
      status: 200,
      body: {
        id: 'chatcmpl-score',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-test-2024-07-18',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content:
                '{"summary": "Клиент хочет две синие футболки.", "nextStep": "Отправить цену доставки."}',
            },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      },
    });

    const outcome = await ws.send(TRANSLATION_SERVICE, 'ScoreConversation', conversationId, {
      conversationId,
      language: null,
    });

    expect(outcome).toMatchObject({ status: 'accepted' });
    const scored = await ws.translationEvent(conversationId, 'Translation.ConversationScored');
    expect(scored.data).toMatchObject({
      conversationId,
      summary: 'Клиент хочет две синие футболки.',
      nextStep: 'Отправить цену доставки.',
      model: 'gpt-test-2024-07-18',
      demo: false,
    });
  });

  it('given a chat whose client language is the team’s, when TranslateDraft is sent, then the draft fails as unsupported_language, saying why', async () => {
    const chosen = await ws.send(
      TRANSLATION_SERVICE,
      'ChooseConversationLanguages',
      conversationId,
      { conversationId, clientLanguage: 'ru', teamLanguage: null },
    );
    expect(chosen).toMatchObject({ status: 'accepted' });
    const draftId = newId();

    const outcome = await ws.send(TRANSLATION_SERVICE, 'TranslateDraft', conversationId, {
      draftId,
      conversationId,
      text: 'Добрый день',
    });

    expect(outcome).toMatchObject({ status: 'accepted' });
    expect((await ws.eventsOf(draftStream(workspaceId, draftId))).map((e) => e.data)).toEqual([
      expect.objectContaining({
        request: 'translation',
        reason: 'unsupported_language',
        retryable: false,
        detail: expect.stringContaining('nothing to translate'),
      }),
    ]);
  });

  it('given a conversation of another workspace, when RetryTranslation is sent, then it is not found', async () => {
    const other = telegramConversationId('elsewhere', botId, '42');

    const outcome = await ws.send(TRANSLATION_SERVICE, 'RetryTranslation', other, {
      conversationId: other,
      messageId: 'm-1',
    });

    expect(outcome).toMatchObject({ status: 'rejected', code: 'conversation.not_found' });
  });
});

describe('translation service in demo mode (npm start -- --demo)', () => {
  const workspaceId = `ws${hex()}`;
  let harness: Harness;

  beforeAll(async () => {
    harness = await startServiceHarness({
      engines: embeddedEngines(),
      serviceName: `translation-demo-test-${hex()}`,
      workspaceId,
      modules: [
        ConversationServiceModule.register(),
        TranslationServiceModule.register({ demo: true }),
      ],
      commandSender: { timeoutMs: 30_000 },
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('given no assistant, when DraftReply is sent, then the labelled demo assistant drafts the reply', async () => {
    const ws = workspaceDriver(harness, workspaceId);
    const { conversationId } = await ws.clientWrites(telegramUserId(), 'Do you ship to Madrid?');
    const draftId = newId();

    const outcome = await ws.send(TRANSLATION_SERVICE, 'DraftReply', conversationId, {
      draftId,
      conversationId,
      language: 'en',
    });

    expect(outcome).toMatchObject({ status: 'accepted' });
    const [drafted] = await ws.eventsOf(draftStream(workspaceId, draftId));
    expect(drafted).toMatchObject({
      type: 'Translation.ReplyDrafted',
      data: { draftId, conversationId, language: 'en', model: 'parley-demo', demo: true },
    });
    expect((drafted!.data as { text: string }).text).toMatch(/^\[demo\].*Do you ship to Madrid\?/);
  });
});
