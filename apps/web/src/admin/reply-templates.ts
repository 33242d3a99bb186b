import type {
  AttachmentKind,
  ReplyTemplate,
  TemplateAttachment,
  TemplateLibraryView,
  TemplateRequest,
  UploadedAttachment,
} from '@parley/contracts';
import { attachmentKindFor, type ChosenFile } from '../reply-bar/attachment-rules';

/*
 * The contracts' template rules (libs/contracts/src/crm/templates.ts), mirrored: the web app
 * imports only types from @parley/contracts (its index also loads the DTOs, whose decorators
 * break in the browser). reply-templates.unit.spec.ts checks the mirror against the contracts.
 */

/** Variables every template may use, filled from the client's card and the manager. */
export const BUILT_IN_TEMPLATE_VARIABLES = ['user_name', 'manager_name', 'stage', 'link'] as const;
/** A workspace variable's name: what goes between the braces. */
export const VARIABLE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
/** A template's shortcode: what a manager types after `/`. */
export const SHORTCODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const TEMPLATE_NAME_MAX = 100;
export const TEMPLATE_TEXT_MAX = 4096;
export const VARIABLE_VALUE_MAX = 1000;
/** With a file, the text is its caption: Telegram's 1,024 characters (issue 13). */
export const TEMPLATE_CAPTION_MAX = 1024;

/** `{name}` in a template's text; anything else in braces is text. */
const VARIABLE_REFERENCE = /\{([a-z][a-z0-9_]{0,31})\}/g;

/** The variables a text refers to, each once, in order of first use. */
export const variablesIn = (text: string): string[] => [
  ...new Set([...text.matchAll(VARIABLE_REFERENCE)].map((match) => match[1] as string)),
];

/** The variables of `text` that are neither built in nor among `defined`. */
export const unknownVariablesIn = (text: string, defined: Iterable<string>): string[] => {
  const known = new Set<string>([...BUILT_IN_TEMPLATE_VARIABLES, ...defined]);
  return variablesIn(text).filter((name) => !known.has(name));
};

const isBuiltIn = (name: string): boolean =>
  (BUILT_IN_TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** What a template's text may use, as `{name}`: the built-in variables, then the workspace's. */
export const usableVariables = (library: TemplateLibraryView | undefined): string[] => [
  ...BUILT_IN_TEMPLATE_VARIABLES,
  ...Object.keys(library?.variables ?? {})
    .filter((name) => !isBuiltIn(name))
    .sort(),
];

/** The workspace's own variables by name, without the built-in ones. */
export const workspaceVariables = (
  library: TemplateLibraryView | undefined,
): { name: string; value: string }[] =>
  Object.entries(library?.variables ?? {})
    .filter(([name]) => !isBuiltIn(name))
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** The template form as typed. */
export interface TemplateDraft {
  readonly name: string;
  readonly shortcode: string;
  readonly text: string;
  /** The file sent with the text (issue 13), uploaded already; null for none. */
  readonly attachment: TemplateAttachment | null;
}

export const EMPTY_TEMPLATE_DRAFT: TemplateDraft = {
  name: '',
  shortcode: '',
  text: '',
  attachment: null,
};

/** A typed shortcode as sent: without a leading `/` someone typed out of habit, lower case. */
export const normalizedShortcode = (typed: string): string =>
  typed.trim().replace(/^\/+/, '').toLowerCase();

export type TemplateDraftProblem =
  | { readonly field: 'name'; readonly problem: 'blank' | 'too-long' }
  | { readonly field: 'shortcode'; readonly problem: 'blank' | 'invalid' | 'taken' }
  | { readonly field: 'text'; readonly problem: 'blank' | 'too-long' | 'too-long-caption' }
  | { readonly field: 'text'; readonly problem: 'unknown-variables'; readonly names: string[] };

/**
 * Why the gateway would refuse the draft, field by field (empty when it would not): a name up to
 * TEMPLATE_NAME_MAX, a shortcode matching SHORTCODE_PATTERN that no other template has, a text up
 * to TEMPLATE_TEXT_MAX (TEMPLATE_CAPTION_MAX with a file) using only known variables. `editingId`: the template being changed keeps
 * its own shortcode.
 */
export const templateDraftProblems = (
  draft: TemplateDraft,
  library: TemplateLibraryView | undefined,
  editingId: string | null,
): TemplateDraftProblem[] => {
  const problems: TemplateDraftProblem[] = [];
  const name = draft.name.trim();
  if (name === '') problems.push({ field: 'name', problem: 'blank' });
  else if (name.length > TEMPLATE_NAME_MAX) problems.push({ field: 'name', problem: 'too-long' });

  const shortcode = normalizedShortcode(draft.shortcode);
  if (shortcode === '') problems.push({ field: 'shortcode', problem: 'blank' });
  else if (!SHORTCODE_PATTERN.test(shortcode)) {
    problems.push({ field: 'shortcode', problem: 'invalid' });
  } else if (
    library?.templates.some(
      (template) => template.shortcode === shortcode && template.templateId !== editingId,
    )
  ) {
    problems.push({ field: 'shortcode', problem: 'taken' });
  }

  if (draft.text.trim() === '') problems.push({ field: 'text', problem: 'blank' });
  else if (draft.text.length > TEMPLATE_TEXT_MAX) {
    problems.push({ field: 'text', problem: 'too-long' });
  } else if (draft.attachment !== null && draft.text.length > TEMPLATE_CAPTION_MAX) {
    problems.push({ field: 'text', problem: 'too-long-caption' });
  } else {
    const unknown = unknownVariablesIn(draft.text, Object.keys(library?.variables ?? {}));
    if (unknown.length > 0) {
      problems.push({ field: 'text', problem: 'unknown-variables', names: unknown });
    }
  }
  return problems;
};

/**
 * The request for a draft the gateway would accept: trimmed name, normalized shortcode, and the
 * file by its media id (null: none, so a change removes a file the template had).
 */
export const templateRequest = (draft: TemplateDraft): TemplateRequest => ({
  name: draft.name.trim(),
  shortcode: normalizedShortcode(draft.shortcode),
  text: draft.text,
  attachmentId: draft.attachment?.mediaId ?? null,
});

/** A template in the form, to change it. */
export const draftOf = (template: ReplyTemplate): TemplateDraft => ({
  name: template.name,
  shortcode: template.shortcode,
  text: template.text,
  attachment: template.attachment,
});

/** A variable's value as sent: as typed, but blank is empty (the gateway wants visible text or ''). */
export const variableValueRequest = (typed: string): string => (typed.trim() === '' ? '' : typed);

export type VariableNameProblem = 'invalid' | 'built-in';

/** Why a typed variable name would be refused; null when it is fine (or empty, not typed yet). */
export const variableNameProblem = (typed: string): VariableNameProblem | null => {
  const name = typed.trim();
  if (name === '') return null;
  if (!VARIABLE_NAME_PATTERN.test(name)) return 'invalid';
  if (isBuiltIn(name)) return 'built-in';
  return null;
};

/** `text` with `{name}` put in place of the selection `[start, end)` (the caret when equal). */
export const insertVariable = (
  text: string,
  name: string,
  start: number,
  end: number,
): { text: string; caret: number } => {
  const reference = `{${name}}`;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return {
    text: text.slice(0, from) + reference + text.slice(to),
    caret: from + reference.length,
  };
};

/**
 * How an admin's chosen file is uploaded for a template (issue 13): as a chat's file is
 * (attachmentKindFor), except that an OGG or WebM recording is a voice message, the one kind a
 * manager records rather than picks.
 */
export const templateFileKind = (file: ChosenFile): AttachmentKind => {
  const type = file.type.split(';')[0]!.trim().toLowerCase();
  return type === 'audio/ogg' || type === 'audio/webm' ? 'voice' : attachmentKindFor(file);
};

/** An upload as the template keeps it: what the store found, without a voice's length. */
export const templateFileOf = ({
  durationSeconds: _length,
  ...file
}: UploadedAttachment): TemplateAttachment => file;
