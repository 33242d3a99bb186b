import { CONVERSATION_SERVICE } from '@parley/contracts';

export interface ConversationServiceOptions {
  /**
   * The service name commands are addressed to: the commands topic `parley.{service}.commands`
   * and the processor's consumer group. Default `conversation`; tests give their own, so runs
   * on a shared broker never take each other's commands.
   */
  readonly service: string;
}

export const CONVERSATION_SERVICE_OPTIONS = 'parley:ConversationServiceOptions';

export const defaultConversationServiceOptions: ConversationServiceOptions = {
  service: CONVERSATION_SERVICE,
};
