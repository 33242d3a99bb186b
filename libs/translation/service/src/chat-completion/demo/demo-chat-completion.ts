import type {
  ChatCompletion,
  ChatCompletionProvider,
  ChatCompletionRequest,
} from '../chat-completion.port';

export const DEMO_MODEL = 'parley-demo';

const GIST_WORDS = 12;

/**
 * The provider of `--demo`: no model, no key, no network. It answers from the prompt alone and
 * every answer starts with "[demo]", so the advice and scoring buttons can be tried, and no one
 * takes its words for a model's. The same prompt always gives the same answer.
 *
 * It reads the prompt as `advicePrompt` and `scoringPrompt` write it: client lines are
 * `[time] Client: text`, with `  (translated: ...)` below when translated; a prompt whose
 * instructions ask for `"nextStep"` is a scoring prompt and gets the JSON asked for.
 */
export class DemoChatCompletion implements ChatCompletionProvider {
  async complete(request: ChatCompletionRequest): Promise<ChatCompletion> {
    request.signal?.throwIfAborted();
    const instructions = request.messages
      .filter((message) => message.role === 'system')
      .map((message) => message.content)
      .join('\n');
    const conversation = request.messages
      .filter((message) => message.role === 'user')
      .map((message) => message.content)
      .join('\n');
    const gist = lastClientGist(conversation);
    const text = instructions.includes('"nextStep"')
      ? JSON.stringify({
          summary: gist
            ? `[demo] The client last wrote: "${gist}".`
            : '[demo] The client has not written yet.',
          nextStep: '[demo] Answer the client; connect a model in the settings for real advice.',
        })
      : gist
        ? `[demo] Thank you for your message ("${gist}"). We will get back to you shortly.`
        : '[demo] Hello! How can we help you?';
    return {
      text,
      model: DEMO_MODEL,
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      finishReason: 'stop',
    };
  }
}

/** The first words of the last client message, its translation preferred (the manager's language). */
const lastClientGist = (conversation: string): string | undefined => {
  const lines = conversation.split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const said = /^\[[^\]\n]*\] Client: (.*)$/.exec(lines[i]!)?.[1];
    if (said === undefined) continue;
    const translated = /^ {2}\(translated: (.*?)\)?$/.exec(lines[i + 1] ?? '')?.[1];
    const words = (translated ?? said).split(/\s+/).filter((word) => word !== '');
    return words.length > GIST_WORDS ? `${words.slice(0, GIST_WORDS).join(' ')}…` : words.join(' ');
  }
  return undefined;
};
