/**
 * One message of a chat-completion prompt, in the roles OpenAI-compatible servers share. The
 * prompt builders return these and the chat-completion port sends them as they are.
 */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}
