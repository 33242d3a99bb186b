import {
  describeChatCompletionSettings,
  validateChatCompletionSettings,
} from './chat-completion-settings';

describe('chat completion settings', () => {
  it('given a hosted API with a key, then valid, trimmed, the trailing slash dropped', () => {
    expect(
      validateChatCompletionSettings({
        endpoint: ' https://api.openai.com/v1/ ',
        model: ' gpt-4o-mini ',
        apiKey: ' sk-abc123 ',
      }),
    ).toEqual({
      ok: true,
      settings: {
        endpoint: 'https://api.openai.com/v1',
        model: 'gpt-4o-mini',
        apiKey: 'sk-abc123',
      },
    });
  });

  it('given a local server over http with no key, or an empty or null one, then valid without a key', () => {
    for (const apiKey of [undefined, '', '  ', null]) {
      expect(
        validateChatCompletionSettings({
          endpoint: 'http://127.0.0.1:11434/v1',
          model: 'llama3.2',
          apiKey,
        }),
      ).toEqual({
        ok: true,
        settings: { endpoint: 'http://127.0.0.1:11434/v1', model: 'llama3.2' },
      });
    }
  });

  it.each([
    ['', 'the endpoint must be given'],
    ['api.openai.com/v1', 'must be a URL'],
    ['ftp://models.example.com/v1', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['https://user:sk-secret@api.example.com/v1', 'must not hold credentials'],
    ['https://api.example.com/v1?key=sk-secret', 'no query or fragment'],
  ])('given the endpoint %j, then an endpoint issue saying %j', (endpoint, message) => {
    const validation = validateChatCompletionSettings({ endpoint, model: 'm' });

    expect(validation.ok).toBe(false);
    expect(!validation.ok && validation.issues).toEqual([
      { field: 'endpoint', message: expect.stringContaining(message) },
    ]);
    expect(JSON.stringify(validation)).not.toContain('sk-secret');
  });

  it('given no model, a blank one or one with a line break, then a model issue', () => {
    for (const model of [undefined, '   ', 'gpt\n4', 42]) {
      const validation = validateChatCompletionSettings({
        endpoint: 'https://a.example/v1',
        model,
      });
      expect(!validation.ok && validation.issues.map((issue) => issue.field)).toEqual(['model']);
    }
  });

  it('given a key with a space or a line break inside, or not text, then a key issue that does not quote it', () => {
    for (const apiKey of ['sk-abc def', 'sk-abc\r\nX-Injected: 1', 12345]) {
      const validation = validateChatCompletionSettings({
        endpoint: 'https://a.example/v1',
        model: 'm',
        apiKey,
      });
      expect(!validation.ok && validation.issues.map((issue) => issue.field)).toEqual(['apiKey']);
      expect(JSON.stringify(validation)).not.toContain('sk-abc');
    }
  });

  it('given not an object, then one settings issue; given all fields wrong, then an issue for each', () => {
    expect(validateChatCompletionSettings('https://a.example')).toEqual({
      ok: false,
      issues: [{ field: 'settings', message: 'settings must be an object' }],
    });
    const all = validateChatCompletionSettings({ endpoint: 'x', model: '', apiKey: 'a b' });
    expect(!all.ok && all.issues.map((issue) => issue.field)).toEqual([
      'endpoint',
      'model',
      'apiKey',
    ]);
  });

  it('describes settings for the screen without the key', () => {
    const described = describeChatCompletionSettings({
      endpoint: 'https://a.example/v1',
      model: 'm',
      apiKey: 'sk-x',
    });

    expect(described).toEqual({ endpoint: 'https://a.example/v1', model: 'm', hasApiKey: true });
  });
});
