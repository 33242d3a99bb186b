import type { ChatMessage } from './chat-message';
import type { PromptBudget } from './prompt-budget';
import { renderCard, renderConversation, renderTemplates } from './prompt-context';
import type { ClientCardForPrompt, MessageForPrompt, TemplateForPrompt } from './prompt-input';

/** The parts of a prompt before the budget is applied. */
export interface PromptParts {
  /** The system message: the instructions, never cut. */
  readonly instructions: string;
  /** The last paragraph of the user message: what to write now, never cut. */
  readonly task: string;
  readonly card: ClientCardForPrompt;
  readonly templates: readonly TemplateForPrompt[];
  readonly messages: readonly MessageForPrompt[];
}

const BLOCK_SEPARATOR = '\n\n';

/**
 * A system message with the instructions and a user message with the card, the templates, the
 * conversation and the task, within `budget.maxChars` in all. The instructions, the task and
 * the card are placed first; templates may take `templatesShare` of what is left; the
 * conversation takes the rest (see `renderConversation` for what it cuts).
 */
export const assemblePrompt = (parts: PromptParts, budget: PromptBudget): ChatMessage[] => {
  const card = renderCard(parts.card);
  // The blocks of the user message are card, templates, conversation and task; at most three
  // separators between them.
  let room =
    budget.maxChars -
    parts.instructions.length -
    card.length -
    parts.task.length -
    3 * BLOCK_SEPARATOR.length;
  const templates = renderTemplates(
    parts.templates,
    budget,
    Math.floor(Math.max(room, 0) * budget.templatesShare),
  );
  room -= templates.length;
  const conversation = renderConversation(parts.messages, budget, room);
  const user = [card, templates, conversation.text, parts.task]
    .filter((block) => block !== '')
    .join(BLOCK_SEPARATOR);
  return [
    { role: 'system', content: parts.instructions },
    { role: 'user', content: user },
  ];
};
