import { describeChatCompletionContract, startOpenAiStandIn } from '../testing';
import { OpenAiCompatibleChatCompletion } from './openai-compatible-chat-completion';

describeChatCompletionContract(
  'OpenAI-compatible over fetch',
  (target) => new OpenAiCompatibleChatCompletion(target),
);

describe('OpenAI-compatible chat completion: servers that differ from OpenAI', () => {
  it('given content as a list of text parts and an error as a bare string (llama.cpp, older Ollama), then both are read', async () => {
    const api = await startOpenAiStandIn();
    try {
      const provider = new OpenAiCompatibleChatCompletion({
        endpoint: api.baseUrl,
        model: 'llama3.2',
      });
      api.answerNext(
        {
          status: 200,
          body: {
            model: 'llama3.2',
            choices: [
              {
                message: {
                  content: [
                    { type: 'text', text: 'Hello, ' },
                    { type: 'text', text: 'Ivan' },
                  ],
                },
              },
            ],
          },
        },
        { status: 404, body: { error: 'model "llama9" not found, try pulling it first' } },
      );

      const completion = await provider.complete({ messages: [{ role: 'user', content: 'hi' }] });
      const failure = provider.complete({ messages: [{ role: 'user', content: 'hi' }] });

      expect(completion.text).toBe('Hello, Ivan');
      await expect(failure).rejects.toMatchObject({
        reason: 'model_not_found',
        message: expect.stringContaining('model "llama9" not found'),
      });
    } finally {
      await api.close();
    }
  });
});
