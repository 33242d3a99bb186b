import {
  BUILT_IN_TEMPLATE_VARIABLES,
  DEFAULT_WORKSPACE_VARIABLES,
  TEMPLATE_CAPTION_MAX,
  templateAttachmentProblem,
  unknownVariablesIn,
  variablesIn,
  type ActorRole,
  type ReplyTemplate,
  type TemplateAttachment,
  type TemplateFields,
} from '@parley/contracts';
import { assertNever, DomainRuleViolation, type Decider } from '@parley/decider';
import type { TemplateLibraryDecidedEvent } from '../crm-decided-events';

/** A new template; `templateId` is the sender's, so a retry of the same command changes nothing. */
export interface CreateTemplate {
  readonly kind: 'CreateTemplate';
  readonly templateId: string;
  readonly name: string;
  readonly shortcode: string;
  readonly text: string;
  /** What the media store says of the template's file; null for none. */
  readonly attachment: TemplateAttachment | null;
  readonly actorRole: ActorRole;
}

/** A template's name, shortcode, text and file as they should be (a null file removes it). */
export interface ChangeTemplate {
  readonly kind: 'ChangeTemplate';
  readonly templateId: string;
  readonly name: string;
  readonly shortcode: string;
  readonly text: string;
  /** What the media store says of the template's file; null for none. */
  readonly attachment: TemplateAttachment | null;
  readonly actorRole: ActorRole;
}

export interface DeleteTemplate {
  readonly kind: 'DeleteTemplate';
  readonly templateId: string;
  readonly actorRole: ActorRole;
}

/** Add a workspace variable, or change its value. */
export interface SetWorkspaceVariable {
  readonly kind: 'SetWorkspaceVariable';
  readonly name: string;
  readonly value: string;
  readonly actorRole: ActorRole;
}

export interface RemoveWorkspaceVariable {
  readonly kind: 'RemoveWorkspaceVariable';
  readonly name: string;
  readonly actorRole: ActorRole;
}

export type TemplateLibraryCommand =
  CreateTemplate | ChangeTemplate | DeleteTemplate | SetWorkspaceVariable | RemoveWorkspaceVariable;

/**
 * A workspace's reply templates and variables. Every workspace has a library from the start
 * (no templates, DEFAULT_WORKSPACE_VARIABLES), so there is one status.
 */
export interface TemplateLibraryState {
  readonly status: 'open';
  /** In the order they were created. */
  readonly templates: readonly ReplyTemplate[];
  /** Name → value. */
  readonly variables: Readonly<Record<string, string>>;
}

const isBuiltIn = (name: string): boolean =>
  (BUILT_IN_TEMPLATE_VARIABLES as readonly string[]).includes(name);

const requireAdmin = (role: ActorRole, what: string): void => {
  if (role !== 'admin') {
    throw new DomainRuleViolation('role.admin_only', `Only an admin can change ${what}.`);
  }
};

const existingTemplate = (state: TemplateLibraryState, templateId: string): ReplyTemplate => {
  const template = state.templates.find((t) => t.templateId === templateId);
  if (!template) {
    throw new DomainRuleViolation('template.not_found', `There is no template "${templateId}".`);
  }
  return template;
};

/** A shortcode names one template of the workspace. */
const requireFreeShortcode = (
  state: TemplateLibraryState,
  shortcode: string,
  templateId: string,
): void => {
  const holder = state.templates.find(
    (t) => t.shortcode === shortcode && t.templateId !== templateId,
  );
  if (holder) {
    throw new DomainRuleViolation(
      'template.shortcode_taken',
      `The shortcode /${shortcode} is taken by the template "${holder.name}": pick another one.`,
    );
  }
};

const braced = (names: readonly string[]): string => {
  const each = names.map((n) => `{${n}}`);
  return each.length === 1 ? each[0]! : `${each.slice(0, -1).join(', ')} and ${each.at(-1)!}`;
};

/** Every `{variable}` of a text is built in or a workspace variable. */
const requireKnownVariables = (state: TemplateLibraryState, text: string): void => {
  const unknown = unknownVariablesIn(text, Object.keys(state.variables));
  if (unknown.length === 0) return;
  const message =
    unknown.length === 1
      ? `The template uses ${braced(unknown)}, which is no variable: add it under Variables or remove it.`
      : `The template uses ${braced(unknown)}, which are no variables: add them under Variables or remove them.`;
  throw new DomainRuleViolation('template.unknown_variable', message);
};

const requireNotBuiltIn = (name: string): void => {
  if (isBuiltIn(name)) {
    throw new DomainRuleViolation(
      'variable.built_in',
      `{${name}} is a built-in variable, filled from the client's card or the manager: it cannot be set or removed.`,
    );
  }
};

/**
 * A template's file is one a manager could send to a chat (kind, type, size), and its text fits
 * in a caption: the text goes out as the file's caption, which Telegram cuts at
 * TEMPLATE_CAPTION_MAX characters. What the text renders to is not known here, so the text as
 * saved must fit.
 */
const requireSendableAttachment = (attachment: TemplateAttachment | null, text: string): void => {
  if (attachment === null) return;
  const problem = templateAttachmentProblem(attachment);
  if (problem !== null) {
    throw new DomainRuleViolation(
      'template.attachment_refused',
      `The file cannot be sent: ${problem}.`,
    );
  }
  if (text.length > TEMPLATE_CAPTION_MAX) {
    throw new DomainRuleViolation(
      'template.caption_too_long',
      `With a file, the template's text is the file's caption, and Telegram takes at most ${TEMPLATE_CAPTION_MAX} characters of caption; this text has ${text.length}. Shorten it or remove the file.`,
    );
  }
};

type TemplateContent = Pick<ReplyTemplate, 'name' | 'shortcode' | 'text' | 'attachment'>;

const sameTemplate = (a: TemplateContent, b: TemplateContent): boolean =>
  a.name === b.name &&
  a.shortcode === b.shortcode &&
  a.text === b.text &&
  a.attachment?.mediaId === b.attachment?.mediaId;

/** The event's fields: `attachment` only when there is one (TemplateFields). */
const templateFields = (command: CreateTemplate | ChangeTemplate): TemplateFields => {
  const { templateId, name, shortcode, text, attachment } = command;
  return { templateId, name, shortcode, text, ...(attachment === null ? {} : { attachment }) };
};

/** A template as the library's state keeps it, from its event (no file when it has none). */
const templateOf = ({ attachment, ...fields }: TemplateFields): ReplyTemplate => ({
  ...fields,
  attachment: attachment ?? null,
});

/**
 * The template library of a workspace (stream `crm-{workspaceId}:templates`, B1, B3): reply
 * templates with a shortcode unique in the workspace and a text whose `{variables}` all exist,
 * and the workspace variables they use; a template's optional file (issue 13) is one a chat
 * upload would take, with a text short enough to be its caption. Admins only. A change to what is
 * already so emits nothing.
 */
export const templateLibraryDecider: Decider<
  TemplateLibraryCommand,
  TemplateLibraryDecidedEvent,
  TemplateLibraryState
> = {
  initialState: () => ({
    status: 'open',
    templates: [],
    variables: { ...DEFAULT_WORKSPACE_VARIABLES },
  }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Crm.TemplateCreated':
        return { ...state, templates: [...state.templates, templateOf(event.data)] };
      case 'Crm.TemplateChanged':
        return {
          ...state,
          templates: state.templates.map((t) =>
            t.templateId === event.data.templateId ? templateOf(event.data) : t,
          ),
        };
      case 'Crm.TemplateDeleted':
        return {
          ...state,
          templates: state.templates.filter((t) => t.templateId !== event.data.templateId),
        };
      case 'Crm.WorkspaceVariableSet':
        return { ...state, variables: { ...state.variables, [event.data.name]: event.data.value } };
      case 'Crm.WorkspaceVariableRemoved': {
        const { [event.data.name]: _removed, ...variables } = state.variables;
        return { ...state, variables };
      }
      default:
        return assertNever(event, 'template library event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'CreateTemplate': {
        requireAdmin(command.actorRole, 'the reply templates');
        const { templateId, shortcode, text } = command;
        const existing = state.templates.find((t) => t.templateId === templateId);
        if (existing) {
          if (sameTemplate(existing, command)) return [];
          throw new DomainRuleViolation(
            'template.exists',
            `A template with the id "${templateId}" already exists: "${existing.name}".`,
          );
        }
        requireFreeShortcode(state, shortcode, templateId);
        requireKnownVariables(state, text);
        requireSendableAttachment(command.attachment, text);
        return [{ type: 'Crm.TemplateCreated', data: templateFields(command) }];
      }
      case 'ChangeTemplate': {
        requireAdmin(command.actorRole, 'the reply templates');
        const { templateId, shortcode, text } = command;
        const existing = existingTemplate(state, templateId);
        if (sameTemplate(existing, command)) return [];
        requireFreeShortcode(state, shortcode, templateId);
        requireKnownVariables(state, text);
        requireSendableAttachment(command.attachment, text);
        return [{ type: 'Crm.TemplateChanged', data: templateFields(command) }];
      }
      case 'DeleteTemplate': {
        requireAdmin(command.actorRole, 'the reply templates');
        const existing = existingTemplate(state, command.templateId);
        return [{ type: 'Crm.TemplateDeleted', data: { templateId: existing.templateId } }];
      }
      case 'SetWorkspaceVariable': {
        requireAdmin(command.actorRole, 'the workspace variables');
        requireNotBuiltIn(command.name);
        if (state.variables[command.name] === command.value) return [];
        return [
          { type: 'Crm.WorkspaceVariableSet', data: { name: command.name, value: command.value } },
        ];
      }
      case 'RemoveWorkspaceVariable': {
        requireAdmin(command.actorRole, 'the workspace variables');
        requireNotBuiltIn(command.name);
        if (!Object.hasOwn(state.variables, command.name)) return [];
        const users = state.templates.filter((t) => variablesIn(t.text).includes(command.name));
        if (users.length > 0) {
          const names = users.map((t) => `"${t.name}"`).join(', ');
          const [templates, them] = users.length === 1 ? ['template', 'it'] : ['templates', 'them'];
          throw new DomainRuleViolation(
            'variable.in_use',
            `{${command.name}} is used by the ${templates} ${names}: change ${them} first.`,
          );
        }
        return [{ type: 'Crm.WorkspaceVariableRemoved', data: { name: command.name } }];
      }
      default:
        return assertNever(command, 'template library command');
    }
  },
};
