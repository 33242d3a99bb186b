import { cutText, singleLine, type PromptBudget } from './prompt-budget';
import type { ClientCardForPrompt, MessageForPrompt, TemplateForPrompt } from './prompt-input';
import { knownLanguage } from './reply-language';

/**
 * The context blocks of a prompt: the client card, the templates, the conversation. Each is
 * rendered from the fields named in `prompt-input.ts` only. Text that came from a client or a
 * profile never starts a line of its own: a card field is kept on one line and a message's
 * continuation lines are indented, so a client cannot write a line that looks like a manager's
 * message or an instruction.
 */

const MAX_CARD_FIELD_CHARS = 100;
const MAX_TAGS = 20;
const MAX_TAG_CHARS = 40;

/** The client card block. Always whole: it is short by construction. */
export const renderCard = (card: ClientCardForPrompt): string => {
  const field = (text: string) => cutText(singleLine(text), MAX_CARD_FIELD_CHARS);
  const tags = card.tags.slice(0, MAX_TAGS).map((tag) => cutText(singleLine(tag), MAX_TAG_CHARS));
  const language = knownLanguage(card.languageCode);
  return [
    'Client card:',
    `Name: ${field(card.name) || 'unknown'}`,
    `Deal stage: ${card.stage === null ? 'no deal' : field(card.stage)}`,
    `Tags: ${tags.length === 0 ? 'none' : tags.join(', ')}`,
    `Client's language: ${language ? `${language.name} (${language.code})` : 'unknown'}`,
  ].join('\n');
};

/** `text` with every line after the first indented by two spaces. */
const indented = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .split('\n')
    .join('\n  ');

/**
 * The templates block, in the order given (the workspace's order): the first `maxTemplates`,
 * each cut to `maxTemplateChars`, as many as fit in `room` characters. Empty when none fits.
 */
export const renderTemplates = (
  templates: readonly TemplateForPrompt[],
  budget: PromptBudget,
  room: number,
): string => {
  const header = 'Reply templates of the workspace (adapt one when it fits):';
  const blocks: string[] = [];
  let used = header.length;
  for (const template of templates.slice(0, budget.maxTemplates)) {
    const text = indented(cutText(template.text, budget.maxTemplateChars));
    if (text === '') continue;
    const block = `- ${cutText(singleLine(template.name), MAX_CARD_FIELD_CHARS)}:\n  ${text}`;
    if (used + 1 + block.length > room) break;
    blocks.push(block);
    used += 1 + block.length;
  }
  return blocks.length === 0 ? '' : [header, ...blocks].join('\n');
};

/** A message's time as `2026-12-01 10:00 UTC`; a value that is not a time, as written. */
const timeOf = (at: string): string => {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return singleLine(at).slice(0, 40);
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** One message: `[time] Client: text` or `[time] Manager (Anna): text`, translation below. */
const renderMessage = (message: MessageForPrompt, maxChars: number): string => {
  const author = singleLine(message.author);
  const who =
    message.direction === 'in'
      ? 'Client'
      : `Manager${author ? ` (${cutText(author, MAX_CARD_FIELD_CHARS)})` : ''}`;
  const text = indented(cutText(message.text, maxChars));
  const translation = message.translation ? indented(cutText(message.translation, maxChars)) : '';
  const lines = [`[${timeOf(message.at)}] ${who}: ${text}`];
  if (translation !== '' && translation !== text) lines.push(`  (translated: ${translation})`);
  return lines.join('\n');
};

/** What `renderConversation` kept: the block and how many messages it left out. */
export interface RenderedConversation {
  readonly text: string;
  readonly shown: number;
  readonly omitted: number;
}

/**
 * The conversation block within `room` characters. Messages with no text are skipped; of the
 * rest, the newest `maxMessages` are considered and each is cut to `maxMessageChars`; then the
 * newest are kept and the oldest cut first, without gaps (an older message is never kept in
 * place of a newer one). When not even the newest fits, it is cut to the room left: the
 * message being answered is always there.
 */
export const renderConversation = (
  messages: readonly MessageForPrompt[],
  budget: PromptBudget,
  room: number,
): RenderedConversation => {
  const withText = messages.filter(
    (message) => message.text.trim() !== '' || (message.translation ?? '').trim() !== '',
  );
  if (withText.length === 0)
    return { text: 'Conversation: no messages yet.', shown: 0, omitted: 0 };
  const considered = withText.slice(-budget.maxMessages);
  const rendered = considered.map((message) => renderMessage(message, budget.maxMessageChars));
  const header = (omitted: number) =>
    omitted === 0
      ? 'Conversation (oldest first):'
      : `Conversation (oldest first; ${omitted} earlier messages not shown):`;
  // Room for the longest header this block can have, so the count never pushes it over.
  const linesRoom = room - header(withText.length).length;
  const kept: string[] = [];
  let used = 0;
  for (let i = rendered.length - 1; i >= 0; i -= 1) {
    const line = rendered[i]!;
    if (used + 1 + line.length > linesRoom) break;
    kept.unshift(line);
    used += 1 + line.length;
  }
  if (kept.length === 0) kept.push(cutText(rendered[rendered.length - 1]!, linesRoom - 1));
  const omitted = withText.length - kept.length;
  return { text: [header(omitted), ...kept].join('\n'), shown: kept.length, omitted };
};
