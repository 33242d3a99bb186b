import type { ChatMessage } from '@parley/translation-domain';

/** The Nest injection token of the chat-completion provider. */
export const CHAT_COMPLETION_PROVIDER = 'parley:ChatCompletionProvider';

export interface ChatCompletionRequest {
  /** The prompt, as `advicePrompt` or `scoringPrompt` built it. */
  readonly messages: readonly ChatMessage[];
  /** 0..2; low by default, so the same conversation gives much the same draft. */
  readonly temperature?: number;
  /** The longest answer wanted, in tokens. */
  readonly maxTokens?: number;
  /** Aborts the call (the manager closed the panel); the provider rethrows the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Tokens the provider counted for one call, when it says. */
export interface ChatCompletionUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
}

export interface ChatCompletion {
  /** The model's answer, as it wrote it. */
  readonly text: string;
  /** The model that answered, as the provider names it: what the timeline shows beside a score. */
  readonly model: string;
  readonly usage: ChatCompletionUsage | null;
  /** `stop`, or `length` when the answer was cut at `maxTokens`; null when not given. */
  readonly finishReason: string | null;
}

/**
 * Messages in, text out: the one thing AI advice and scoring need from a model. Fails with
 * `ChatCompletionFailed` only (besides a caller's abort), so the caller can tell the manager why
 * and whether trying again may help.
 */
export interface ChatCompletionProvider {
  complete(request: ChatCompletionRequest): Promise<ChatCompletion>;
}
