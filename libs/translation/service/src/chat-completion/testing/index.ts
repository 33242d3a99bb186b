export {
  describeChatCompletionContract,
  type ChatCompletionTarget,
} from './chat-completion.contract';
export {
  INSUFFICIENT_QUOTA,
  RATE_LIMITED,
  SERVER_ERROR,
  openAiError,
  startOpenAiStandIn,
  type OpenAiStandIn,
  type OpenAiStandInOptions,
  type StandInAnswer,
  type StandInRequest,
} from './openai-stand-in';
