import {
  CAPTION_MAX_LENGTH,
  CLICK_ID_PLACEHOLDER,
  clickIdOf,
  DEFAULT_PIPELINE_STAGES,
  renderTemplate,
  type BuiltInTemplateVariable,
  type CrmSettingsEvent,
  type ManagerMessageContent,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import type { ClientDetails } from './client-details';
import type { TemplateLibrary } from './template-library';

/**
 * What a robot's template needs of the workspace's CRM settings (`crm-{crmSettingsId(ws)}`): the
 * name of each stage of the pipeline by id, and the registration-link template (R7). Only the
 * stages' names are folded: their order and retirement do not change what `{stage}` shows.
 */
export interface PipelineNames {
  /** stageId → name; DEFAULT_PIPELINE_STAGES until an admin adds or renames one. */
  readonly stageNames: Readonly<Record<string, string>>;
  /** With `{click_id}`; null when the workspace has none. */
  readonly registrationLinkTemplate: string | null;
}

/** Every workspace's settings before an admin changes them. */
export const defaultPipelineNames = (): PipelineNames => ({
  stageNames: Object.fromEntries(DEFAULT_PIPELINE_STAGES.map((s) => [s.stageId, s.name])),
  registrationLinkTemplate: null,
});

/** One CRM settings event on the names; tags, tracking links and keys change nothing. */
export const evolvePipelineNames = (
  names: PipelineNames,
  event: CrmSettingsEvent,
): PipelineNames => {
  switch (event.type) {
    case 'Crm.StageAdded':
      return {
        ...names,
        stageNames: { ...names.stageNames, [event.data.stageId]: event.data.name },
      };
    case 'Crm.StageRenamed':
      return {
        ...names,
        stageNames: { ...names.stageNames, [event.data.stageId]: event.data.to },
      };
    case 'Crm.RegistrationLinkTemplateChanged':
      return { ...names, registrationLinkTemplate: event.data.template };
    case 'Crm.StagesReordered':
    case 'Crm.StageRetired':
    case 'Crm.TagCreated':
    case 'Crm.TagColourChanged':
    case 'Crm.TagSettingsChanged':
    case 'Crm.TagDeleted':
    case 'Crm.TrackingLinkCreated':
    case 'Crm.ConversionKeyCreated':
    case 'Crm.ConversionKeyRevoked':
      return names;
    default:
      return assertNever(event, 'crm settings event');
  }
};

/** The names from the settings stream's events, in order. */
export const pipelineNames = (events: readonly CrmSettingsEvent[]): PipelineNames =>
  events.reduce(evolvePipelineNames, defaultPipelineNames());

/** The client's registration link: the template with its click id, empty without a template. */
export const registrationLink = (template: string | null, contactId: string): string =>
  template === null
    ? ''
    : template.split(CLICK_ID_PLACEHOLDER).join(encodeURIComponent(clickIdOf(contactId)));

export interface TemplateValuesInput {
  readonly contactId: string;
  readonly client: ClientDetails;
  /** The deal's stage id, null before the deal exists. */
  readonly stageId: string | null;
  readonly pipeline: PipelineNames;
  readonly library: TemplateLibrary;
}

/**
 * The values a robot renders a template with: the workspace variables, then the built-in ones
 * over them (as a manager's reply bar does). `{manager_name}` is empty: a robot sends as no
 * manager, and the robots do not know users' names. A stage the names lack shows its id.
 */
export const templateValues = (input: TemplateValuesInput): Record<string, string> => {
  const { stageId, pipeline } = input;
  const builtIn: Record<BuiltInTemplateVariable, string> = {
    user_name: input.client.name,
    manager_name: '',
    stage:
      stageId === null
        ? ''
        : Object.hasOwn(pipeline.stageNames, stageId)
          ? pipeline.stageNames[stageId]!
          : stageId,
    link: registrationLink(pipeline.registrationLinkTemplate, input.contactId),
  };
  return { ...input.library.variables, ...builtIn };
};

/** A template of the library rendered with `values`, or null when the library has no such template. */
export const renderLibraryTemplate = (
  library: TemplateLibrary,
  templateId: string,
  values: Readonly<Record<string, string>>,
): string | null => {
  if (!Object.hasOwn(library.templates, templateId)) return null;
  return renderTemplate(library.templates[templateId]!, values);
};

/**
 * A rendered text as a file's caption: none when it renders empty; cut to Telegram's
 * CAPTION_MAX_LENGTH with "…" when its values made it longer (the saved text fits, issue 13, but
 * a long client name or workspace variable can push it over, and a robot has no one to ask).
 */
export const templateCaption = (text: string): string | null => {
  if (text.length === 0) return null;
  if (text.length <= CAPTION_MAX_LENGTH) return text;
  let cut = '';
  for (const character of text) {
    if (cut.length + character.length > CAPTION_MAX_LENGTH - 1) break;
    cut += character;
  }
  return `${cut}…`;
};

/**
 * What a robot sends for a template of the library: its text rendered with `values`, or, for a
 * template with a file (issue 13), that file with the rendered text as its caption; null when the
 * library has no such template.
 */
export const templateMessageContent = (
  library: TemplateLibrary,
  templateId: string,
  values: Readonly<Record<string, string>>,
): ManagerMessageContent | null => {
  const text = renderLibraryTemplate(library, templateId, values);
  if (text === null) return null;
  if (!Object.hasOwn(library.attachments, templateId)) return { kind: 'text', text };
  const { kind, ...attachment } = library.attachments[templateId]!;
  return { kind, attachment, caption: templateCaption(text) };
};
