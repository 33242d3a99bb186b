import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxOpenFailed } from '@parley/platform';
import {
  openChatCompletionSettings,
  sealChatCompletionSettings,
} from './sealed-chat-completion-settings';

describe('sealed chat completion settings', () => {
  const box = SecretBox.fromBase64Key(randomBytes(32).toString('base64'));
  const settings = {
    endpoint: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    apiKey: 'sk-proj-secret-42',
  };

  it('given settings sealed for a workspace, then they open for it, and nothing of them is readable at rest', () => {
    const sealed = sealChatCompletionSettings(box, 'w1', settings);

    for (const part of ['sk-proj', 'openai', 'gpt-4o']) expect(sealed).not.toContain(part);
    expect(openChatCompletionSettings(box, 'w1', sealed)).toEqual(settings);
  });

  it('given settings without a key, then they open without a key', () => {
    const local = { endpoint: 'http://127.0.0.1:11434/v1', model: 'llama3.2' };

    expect(
      openChatCompletionSettings(box, 'w1', sealChatCompletionSettings(box, 'w1', local)),
    ).toEqual(local);
  });

  it("given another workspace's sealed settings, then they do not open: tampered", () => {
    const sealed = sealChatCompletionSettings(box, 'w1', settings);

    expect(() => openChatCompletionSettings(box, 'w2', sealed)).toThrow(SecretBoxOpenFailed);
    expect(() => openChatCompletionSettings(box, 'w2', sealed)).toThrow(/tampered/);
  });

  it('given a sealed value that opens but holds no valid settings, then malformed', () => {
    const context = 'workspace:w1:chat-completion-settings';
    const notJson = box.seal('endpoint=x', context);
    const invalid = box.seal(JSON.stringify({ endpoint: 'ftp://x', model: '' }), context);

    expect(() => openChatCompletionSettings(box, 'w1', notJson)).toThrow(/malformed/);
    expect(() => openChatCompletionSettings(box, 'w1', invalid)).toThrow(/malformed/);
  });
});
