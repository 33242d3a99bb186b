import {
  DEFAULT_WORKSPACE_VARIABLES,
  type TemplateAttachment,
  type TemplateLibraryEvent,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';

/**
 * A workspace's reply templates as the robots send them (B1, B3): each template's text and file
 * (issue 13) by id, and the workspace variables (the defaults until an admin sets or removes one), folded from
 * the crm's template library stream `crm-{templateLibraryId(ws)}`.
 */
export interface TemplateLibrary {
  /** templateId → text with `{variables}`; a deleted template is gone. */
  readonly templates: Readonly<Record<string, string>>;
  /** templateId → the file sent with the text as its caption (issue 13); text-only ones lack one. */
  readonly attachments: Readonly<Record<string, TemplateAttachment>>;
  /** name → value, DEFAULT_WORKSPACE_VARIABLES included. */
  readonly variables: Readonly<Record<string, string>>;
}

/** A library no admin has touched: no templates, the default variables. */
export const emptyTemplateLibrary = (): TemplateLibrary => ({
  templates: {},
  attachments: {},
  variables: { ...DEFAULT_WORKSPACE_VARIABLES },
});

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const rest = { ...record };
  delete rest[key];
  return rest;
};

/** One template library event on the library. */
export const evolveTemplateLibrary = (
  library: TemplateLibrary,
  event: TemplateLibraryEvent,
): TemplateLibrary => {
  switch (event.type) {
    case 'Crm.TemplateCreated':
    case 'Crm.TemplateChanged': {
      const { templateId, text, attachment } = event.data;
      return {
        ...library,
        templates: { ...library.templates, [templateId]: text },
        attachments: attachment
          ? { ...library.attachments, [templateId]: attachment }
          : without(library.attachments, templateId),
      };
    }
    case 'Crm.TemplateDeleted':
      return {
        ...library,
        templates: without(library.templates, event.data.templateId),
        attachments: without(library.attachments, event.data.templateId),
      };
    case 'Crm.WorkspaceVariableSet':
      return {
        ...library,
        variables: { ...library.variables, [event.data.name]: event.data.value },
      };
    case 'Crm.WorkspaceVariableRemoved':
      return { ...library, variables: without(library.variables, event.data.name) };
    default:
      return assertNever(event, 'template library event');
  }
};

/** The library from its stream's events, in order. */
export const templateLibrary = (events: readonly TemplateLibraryEvent[]): TemplateLibrary =>
  events.reduce(evolveTemplateLibrary, emptyTemplateLibrary());
