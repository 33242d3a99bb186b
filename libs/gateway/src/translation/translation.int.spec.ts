import { randomBytes } from 'node:crypto';
import { eventsForCommand, type CommandHandler } from '@parley/command-handling';
import {
  assistantKeySealContext,
  streamName,
  translationDraftKey,
  type CommandEnvelope,
  type DraftReplyData,
  type TranslateDraftData,
} from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import { SecretBox } from '@parley/platform';
import {
  appendingHandler,
  startCommandStandIn,
  type CommandStandIn,
} from '../testing/command-stand-in';
import { ADMIN, startTestGateway, type TestGateway } from '../testing/test-gateway';
import { seedChats } from '../testing/seed-chats';

const CHAT = 'ws1:tg:1:translated';
const OTHER = 'ws2:tg:1:translated';

describe('gateway: translation and the AI assistant (issue 12)', () => {
  const secretKey = randomBytes(32).toString('base64');
  let gateway: TestGateway;
  let translation: CommandStandIn;
  let admin: string;
  let manager: string;

  /** Answers a draft as the translation service does: the answer on the draft's stream first. */
  const answering =
    (answer: (command: CommandEnvelope) => { type: string; data: object }): CommandHandler =>
    async (command) => {
      const { draftId } = command.data as { draftId: string };
      const stream = streamName(
        'translation',
        translationDraftKey(command.metadata.workspaceId, draftId),
      );
      const result = await gateway.store.append(
        stream,
        eventsForCommand(command, command.metadata.aggregateId, [answer(command)]),
        { expected: 'no_stream' },
      );
      return result.positions.map((p) => ({
        streamName: stream,
        revision: p.revision,
        position: p.position.toString(),
      }));
    };

  const translateDraft = answering((command) => {
    const { draftId, conversationId, text } = command.data as TranslateDraftData;
    if (text === 'fail') {
      return {
        type: 'Translation.DraftFailed',
        data: {
          draftId,
          conversationId,
          request: 'translation',
          reason: 'quota_exceeded',
          retryable: true,
          detail: 'The translation quota is used up for today.',
        },
      };
    }
    return {
      type: 'Translation.DraftTranslated',
      data: {
        draftId,
        conversationId,
        original: text,
        from: 'ru',
        to: 'es',
        text: 'Hola, ¿en qué puedo ayudarle?',
        provider: 'libretranslate',
      },
    };
  });

  const draftReply = answering((command) => {
    const { draftId, conversationId, language } = command.data as DraftReplyData;
    return {
      type: 'Translation.ReplyDrafted',
      data: {
        draftId,
        conversationId,
        text: '[demo] Здравствуйте!',
        language: language ?? 'ru',
        model: 'parley-demo',
        demo: true,
      },
    };
  });

  const settingsHandler: CommandHandler = async (command) => {
    if ((command.data as { actorRole: string }).actorRole !== 'admin')
      throw new DomainRuleViolation('role.admin_only', 'Only an admin can change the settings.');
    return appendingHandler(
      gateway.store,
      'translation',
      () => 'Translation.SettingsChanged',
    )(command);
  };

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { PARLEY_SECRET_KEY: secretKey } });
    const accepting = appendingHandler(gateway.store, 'translation', (c) => `Test.${c.type}`);
    translation = await startCommandStandIn(gateway, 'translation', {
      TranslateDraft: translateDraft,
      DraftReply: draftReply,
      ScoreConversation: accepting,
      ChooseConversationLanguages: accepting,
      RetryTranslation: accepting,
      ChangeTranslationSettings: settingsHandler,
      ConfigureAssistant: settingsHandler,
    });
    await seedChats(gateway, [CHAT, OTHER]);
    admin = (await gateway.signIn(ADMIN)).accessToken;
    manager = (await gateway.signIn()).accessToken;
  }, 60_000);

  afterAll(async () => {
    await translation?.stop();
    await gateway?.close();
  });

  it('given no settings yet, then every user reads provider null, the default team language and no assistant', async () => {
    const { status, body } = await gateway.call('/api/translation/settings', { token: manager });
    expect(status).toBe(200);
    expect(body).toEqual({
      provider: null,
      teamLanguage: 'en',
      assistant: { configured: false, model: null },
    });
  });

  it('given settings in the read model, then they are shown without the sealed settings', async () => {
    await gateway.readStore.collection('translation_settings').replaceOne(
      { _id: 'ws1' },
      {
        _id: 'ws1',
        workspaceId: 'ws1',
        provider: 'google',
        teamLanguage: 'ru',
        assistant: { configured: true, model: 'gpt-test' },
      },
      { upsert: true },
    );
    const { body } = await gateway.call('/api/translation/settings', { token: manager });
    expect(body).toEqual({
      provider: 'google',
      teamLanguage: 'ru',
      assistant: { configured: true, model: 'gpt-test' },
    });
  });

  it('when an admin changes the settings, then a ChangeTranslationSettings command as admin; a manager gets 403, a bad body 400', async () => {
    const ok = await gateway.call('/api/translation/settings', {
      token: admin,
      method: 'PUT',
      body: { provider: 'libretranslate', teamLanguage: 'ru' },
    });
    expect(ok.status).toBe(202);
    expect(translation.received.at(-1)).toMatchObject({
      type: 'ChangeTranslationSettings',
      data: { provider: 'libretranslate', teamLanguage: 'ru', actorRole: 'admin' },
    });

    const forbidden = await gateway.call('/api/translation/settings', {
      token: manager,
      method: 'PUT',
      body: { provider: null, teamLanguage: 'ru' },
    });
    expect(forbidden.status).toBe(403);

    const bad = await gateway.call('/api/translation/settings', {
      token: admin,
      method: 'PUT',
      body: { provider: 'deepl', teamLanguage: 'Russian' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { issues: { field: string }[] }).issues.map((i) => i.field).sort()).toEqual(
      ['provider', 'teamLanguage'],
    );
  });

  it('when an admin sets the assistant, then ConfigureAssistant carries endpoint, model and the key sealed, never in clear; DELETE removes it', async () => {
    const apiKey = 'sk-test-do-not-leak-0123456789';
    const set = await gateway.call('/api/translation/assistant', {
      token: admin,
      method: 'PUT',
      body: { endpoint: 'http://127.0.0.1:11434/v1', model: 'llama3', apiKey },
    });
    expect(set.status).toBe(202);
    const command = translation.received.at(-1)!;
    expect(command).toMatchObject({
      type: 'ConfigureAssistant',
      data: { endpoint: 'http://127.0.0.1:11434/v1', model: 'llama3', actorRole: 'admin' },
    });
    expect(JSON.stringify(command)).not.toContain(apiKey);
    expect(JSON.stringify(command)).not.toContain('do-not-leak');
    const { sealedApiKey } = command.data as { sealedApiKey: string };
    const box = SecretBox.fromBase64Key(secretKey);
    expect(box.open(sealedApiKey, assistantKeySealContext('ws1'))).toBe(apiKey);
    expect(() => box.open(sealedApiKey, assistantKeySealContext('ws2'))).toThrow();
    const events = await gateway.store.readAll();
    expect(JSON.stringify(events.map((e) => e.event))).not.toContain(apiKey);

    const keyless = await gateway.call('/api/translation/assistant', {
      token: admin,
      method: 'PUT',
      body: { endpoint: 'http://127.0.0.1:11434/v1', model: 'llama3', apiKey: null },
    });
    expect(keyless.status).toBe(202);
    expect(translation.received.at(-1)).toMatchObject({
      type: 'ConfigureAssistant',
      data: { endpoint: 'http://127.0.0.1:11434/v1', model: 'llama3', sealedApiKey: null },
    });
    const removed = await gateway.call('/api/translation/assistant', {
      token: admin,
      method: 'DELETE',
    });
    expect(removed.status).toBe(202);
    expect(translation.received.at(-1)).toMatchObject({
      type: 'ConfigureAssistant',
      data: { endpoint: null, model: null, sealedApiKey: null },
    });
  });

  it('when a manager previews a translation, then 200 with the translated draft from the draft stream', async () => {
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/translation-preview`, {
      token: manager,
      body: { text: 'Здравствуйте, чем могу помочь?' },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      text: 'Hola, ¿en qué puedo ayudarle?',
      from: 'ru',
      to: 'es',
      provider: 'libretranslate',
    });
    expect(translation.received.at(-1)).toMatchObject({
      type: 'TranslateDraft',
      data: { conversationId: CHAT, text: 'Здравствуйте, чем могу помочь?' },
    });
  });

  it('given the provider failed the draft, then 503 with the reason and retryable', async () => {
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/translation-preview`, {
      token: manager,
      body: { text: 'fail' },
    });
    expect(status).toBe(503);
    expect(body).toMatchObject({
      reason: 'quota_exceeded',
      retryable: true,
      message: 'The translation quota is used up for today.',
    });
  });

  it('when a manager asks for advice, then 200 with the draft, its model and the demo label', async () => {
    const { status, body } = await gateway.call(`/api/chats/${CHAT}/advice`, {
      token: manager,
      body: { language: 'ru' },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      text: '[demo] Здравствуйте!',
      language: 'ru',
      model: 'parley-demo',
      demo: true,
    });
  });

  it('when a manager asks for a score, chooses languages or retries a translation, then 202 and the command', async () => {
    const score = await gateway.call(`/api/chats/${CHAT}/score`, { token: manager, body: {} });
    expect(score.status).toBe(202);
    expect(translation.received.at(-1)).toMatchObject({
      type: 'ScoreConversation',
      data: { conversationId: CHAT, language: null },
    });
    const languages = await gateway.call(`/api/chats/${CHAT}/languages`, {
      token: manager,
      method: 'PUT',
      body: { clientLanguage: 'es', teamLanguage: null },
    });
    expect(languages.status).toBe(202);
    expect(translation.received.at(-1)).toMatchObject({
      type: 'ChooseConversationLanguages',
      data: { conversationId: CHAT, clientLanguage: 'es', teamLanguage: null },
    });
    const retry = await gateway.call(`/api/chats/${CHAT}/messages/m-1/retry-translation`, {
      token: manager,
      method: 'POST',
    });
    expect(retry.status).toBe(202);
    expect(translation.received.at(-1)).toMatchObject({
      type: 'RetryTranslation',
      data: { conversationId: CHAT, messageId: 'm-1' },
    });
  });

  it("given another workspace's chat or a bad body, then 404 or 400 and no command", async () => {
    const before = translation.received.length;
    const other = await gateway.call(`/api/chats/${OTHER}/translation-preview`, {
      token: manager,
      body: { text: 'Hola' },
    });
    const empty = await gateway.call(`/api/chats/${CHAT}/translation-preview`, {
      token: manager,
      body: { text: '' },
    });
    const badLanguage = await gateway.call(`/api/chats/${CHAT}/languages`, {
      token: manager,
      method: 'PUT',
      body: { clientLanguage: 'Spanish', teamLanguage: null },
    });
    expect([other.status, empty.status, badLanguage.status]).toEqual([404, 400, 400]);
    expect(translation.received.length).toBe(before);
  });
});
