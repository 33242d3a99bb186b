/**
 * Reply templates and workspace variables (B1, B3): an admin keeps a workspace's templates
 * (name, shortcode, text with `{variables}`); a manager picks one with `/` in the reply bar and
 * gets its text rendered for the client, to edit before sending. One template library per
 * workspace, stream `crm-{workspaceId}:templates`, in the crm service.
 *
 * Pure TypeScript (no decorators): the gateway renders with it, robots will too.
 */

import {
  ATTACHMENT_MAX_BYTES,
  attachmentTypeProblem,
  CAPTION_MAX_LENGTH,
  isAttachmentKind,
  type Attachment,
  type AttachmentKind,
} from '../conversation/attachment-content';

/** `ws1:templates`: the one template library of a workspace. */
export const templateLibraryId = (workspaceId: string): string => `${workspaceId}:templates`;

/**
 * Variables every template may use, filled from the client's card and the manager:
 * `{user_name}` the client's name, `{manager_name}` the manager's, `{stage}` the deal's stage,
 * `{link}` the client's registration link (R7).
 */
export const BUILT_IN_TEMPLATE_VARIABLES = ['user_name', 'manager_name', 'stage', 'link'] as const;
export type BuiltInTemplateVariable = (typeof BUILT_IN_TEMPLATE_VARIABLES)[number];

/**
 * A workspace variable every workspace has from the start (empty until an admin sets it): the
 * current offer, as the seed product's templates use it.
 */
export const DEFAULT_WORKSPACE_VARIABLES: Readonly<Record<string, string>> = { offer: '' };

/** A workspace variable's name: what goes between the braces. */
export const VARIABLE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
/** A template's shortcode: what a manager types after `/`. */
export const SHORTCODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const TEMPLATE_NAME_MAX = 100;
/** A rendered template is a message: Telegram's 4,096 characters at most. */
export const TEMPLATE_TEXT_MAX = 4096;
export const VARIABLE_VALUE_MAX = 1000;

/**
 * A template with a file is sent as that file with the text as its caption (issue 13), and
 * Telegram takes 1,024 characters of caption. What the text renders to is not known when it is
 * saved, so the saved text itself must fit.
 */
export const TEMPLATE_CAPTION_MAX = CAPTION_MAX_LENGTH;

/**
 * A template's file (issue 13): one photo, video, document or voice message an admin uploaded to
 * the media store (`POST /api/templates/attachments`), sent with the template wherever it goes.
 * What it is (name, type, size) is what the store found, as for a manager's chat upload.
 */
export interface TemplateAttachment extends Attachment {
  readonly kind: AttachmentKind;
}

/**
 * Why a template cannot carry this file, or null when it can: the kinds and types a manager's
 * chat upload takes, and no more bytes than Telegram takes of the kind.
 */
export const templateAttachmentProblem = (attachment: TemplateAttachment): string | null => {
  if (!isAttachmentKind(attachment.kind)) {
    return `a template's file must be a photo, video, document or voice message, not ${String(attachment.kind)}`;
  }
  const max = ATTACHMENT_MAX_BYTES[attachment.kind];
  if (attachment.size > max) return `a ${attachment.kind} may have at most ${max} bytes`;
  return attachmentTypeProblem(attachment.kind, attachment.contentType);
};

/** `{name}` in a template's text; anything else in braces is text. */
const VARIABLE_REFERENCE = /\{([a-z][a-z0-9_]{0,31})\}/g;

/** The variables a text refers to, each once, in order of first use. */
export const variablesIn = (text: string): string[] => [
  ...new Set([...text.matchAll(VARIABLE_REFERENCE)].map((match) => match[1]!)),
];

/** The variables of `text` that are neither built in nor among `defined`. */
export const unknownVariablesIn = (text: string, defined: Iterable<string>): string[] => {
  const known = new Set<string>([...BUILT_IN_TEMPLATE_VARIABLES, ...defined]);
  return variablesIn(text).filter((name) => !known.has(name));
};

/**
 * A template's text with each `{variable}` replaced by its value; a variable without a value
 * (a client with no name yet, no registration link) becomes empty, never the raw `{name}`.
 */
export const renderTemplate = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(VARIABLE_REFERENCE, (_whole, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : '',
  );

/** One template as the API shows it. */
export interface ReplyTemplate {
  readonly templateId: string;
  readonly name: string;
  readonly shortcode: string;
  readonly text: string;
  /** The file sent with the text as its caption; null for a text-only template. */
  readonly attachment: TemplateAttachment | null;
}

/** A workspace's templates and variables (the `template_libraries` read model, one per workspace). */
export interface TemplateLibraryView {
  readonly templates: readonly ReplyTemplate[];
  /** Name → value, the defaults included. */
  readonly variables: Readonly<Record<string, string>>;
}

/** A template rendered for one client (`GET /api/chats/:conversationId/templates`). */
export interface RenderedTemplate extends ReplyTemplate {
  /** `text` with this client's, this manager's and the workspace's values. */
  readonly rendered: string;
}

/** The read model of each workspace's template library, written by the projector. */
export const TEMPLATE_LIBRARIES_COLLECTION = 'template_libraries';

/**
 * A template as the read model keeps it: with where its library's stream created it. Documents
 * written before templates had files lack `attachment` (templateLibraryView reads that as null).
 */
export interface StoredReplyTemplate extends ReplyTemplate {
  /** The revision of its TemplateCreated in the library's stream: the templates' order. */
  readonly createdRevision: number;
}

/**
 * A `template_libraries` document, `_id` = workspaceId. Templates are kept by id (the read
 * store's update operators change a field, not an array element); the gateway lists them in
 * creation order (`templateLibraryView`).
 */
export interface TemplateLibraryDocument {
  readonly _id: string;
  readonly workspaceId: string;
  readonly templates: Readonly<Record<string, StoredReplyTemplate>>;
  readonly variables: Readonly<Record<string, string>>;
}

/** What the API shows of a library document: templates in creation order; defaults without one. */
export const templateLibraryView = (
  document: Pick<TemplateLibraryDocument, 'templates' | 'variables'> | null,
): TemplateLibraryView => {
  if (!document) return { templates: [], variables: { ...DEFAULT_WORKSPACE_VARIABLES } };
  const templates = Object.values(document.templates ?? {})
    .sort((a, b) => a.createdRevision - b.createdRevision)
    .map(({ templateId, name, shortcode, text, attachment }) => ({
      templateId,
      name,
      shortcode,
      text,
      attachment: attachment ?? null,
    }));
  return { templates, variables: { ...(document.variables ?? {}) } };
};
