import { DEFAULT_WORKSPACE_VARIABLES, type TemplateLibraryEvent } from '@parley/contracts';
import { assertNever } from '@parley/decider';

/**
 * A workspace's reply templates as the robots send them (B1, B3): each template's text by id,
 * and the workspace variables (the defaults until an admin sets or removes one), folded from
 * the crm's template library stream `crm-{templateLibraryId(ws)}`.
 */
export interface TemplateLibrary {
  /** templateId → text with `{variables}`; a deleted template is gone. */
  readonly templates: Readonly<Record<string, string>>;
  /** name → value, DEFAULT_WORKSPACE_VARIABLES included. */
  readonly variables: Readonly<Record<string, string>>;
}

/** A library no admin has touched: no templates, the default variables. */
export const emptyTemplateLibrary = (): TemplateLibrary => ({
  templates: {},
  variables: { ...DEFAULT_WORKSPACE_VARIABLES },
});

const without = (record: Readonly<Record<string, string>>, key: string): Record<string, string> => {
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
    case 'Crm.TemplateChanged':
      return {
        ...library,
        templates: { ...library.templates, [event.data.templateId]: event.data.text },
      };
    case 'Crm.TemplateDeleted':
      return { ...library, templates: without(library.templates, event.data.templateId) };
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
