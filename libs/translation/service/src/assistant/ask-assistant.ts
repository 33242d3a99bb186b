import type { TranslationFailureCode } from '@parley/contracts';
import type { ChatMessage } from '@parley/translation-domain';
import { ChatCompletionFailed } from '../chat-completion/chat-completion-failure';
import { cutDetail } from '../messages/failure-detail';
import type { AssistantChoice } from './assistants';

/** The assistant's answer, or why there is none. */
export type AssistantAnswer =
  | {
      readonly status: 'answered';
      readonly text: string;
      readonly model: string;
      readonly demo: boolean;
    }
  | {
      readonly status: 'failed';
      readonly reason: TranslationFailureCode;
      readonly retryable: boolean;
      readonly detail: string;
    };

/**
 * One prompt to the workspace's assistant. No assistant is `not_configured`; a provider's
 * failure is its reason (the chat-completion reasons are translation failure codes too).
 */
export const askAssistant = async (
  choice: AssistantChoice,
  messages: readonly ChatMessage[],
): Promise<AssistantAnswer> => {
  if (choice.kind === 'none') {
    return { status: 'failed', reason: 'not_configured', retryable: false, detail: choice.detail };
  }
  try {
    const completion = await choice.provider.complete({ messages });
    return {
      status: 'answered',
      text: completion.text,
      model: completion.model,
      demo: choice.demo,
    };
  } catch (error) {
    if (!(error instanceof ChatCompletionFailed)) throw error;
    return {
      status: 'failed',
      reason: error.reason,
      retryable: error.retryable,
      detail: cutDetail(error.message),
    };
  }
};
