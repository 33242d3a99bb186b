import {
  DEFAULT_WORKSPACE_VARIABLES,
  TEMPLATE_LIBRARIES_COLLECTION,
  type EventEnvelope,
  type StoredReplyTemplate,
  type TemplateLibraryEvent,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { markApplied, notYetApplied } from '../applied-revision';
import { withInsertDefaults } from '../insert-defaults';
import type {
  OperationUpdate,
  ProjectableEvent,
  ReadModelOperation,
  WorkspaceProjection,
} from '../read-model-operation';

/** The template library's events (B1, B3), projected into `template_libraries`. */
export const TEMPLATE_LIBRARY_PROJECTED_TYPES: readonly TemplateLibraryEvent['type'][] = [
  'Crm.TemplateCreated',
  'Crm.TemplateChanged',
  'Crm.TemplateDeleted',
  'Crm.WorkspaceVariableSet',
  'Crm.WorkspaceVariableRemoved',
];

export const isProjectedTemplateLibraryEvent = (
  event: EventEnvelope,
): event is TemplateLibraryEvent =>
  (TEMPLATE_LIBRARY_PROJECTED_TYPES as readonly string[]).includes(event.type);

/** A template id or variable name as one field name: no `.`, no leading `$`. */
const fieldKey = (key: string): string => {
  if (key.length === 0 || key.includes('.') || key.startsWith('$')) {
    throw new Error(`"${key}" cannot be a field name of the template library`);
  }
  return key;
};

/** What a library document holds when its first event creates it. */
const libraryDefaults = (workspaceId: string): Readonly<Record<string, unknown>> => ({
  workspaceId,
  templates: {},
  ...Object.fromEntries(
    Object.entries(DEFAULT_WORKSPACE_VARIABLES).map(([name, value]) => [
      `variables.${fieldKey(name)}`,
      value,
    ]),
  ),
});

/**
 * The `template_libraries` document of the event's workspace (`_id` = workspaceId): templates by
 * id, each with the revision that created it (their order) and its file or null (issue 13; an
 * event without one means none), and the workspace variables, the defaults included. One stream feeds it, so the position guard is that stream's revision.
 */
export const templateLibraryOperations = (
  event: TemplateLibraryEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const workspaceId = event.metadata.workspaceId;
  const applied = markApplied(source.streamName, source.revision);
  const library = (update: OperationUpdate): ReadModelOperation => ({
    collection: TEMPLATE_LIBRARIES_COLLECTION,
    filter: { _id: workspaceId, ...notYetApplied(source.streamName, source.revision) },
    update: withInsertDefaults(update, libraryDefaults(workspaceId)),
    upsert: true,
  });

  switch (event.type) {
    case 'Crm.TemplateCreated': {
      const { templateId, name, shortcode, text, attachment } = event.data;
      const stored: StoredReplyTemplate = {
        templateId,
        name,
        shortcode,
        text,
        attachment: attachment ?? null,
        createdRevision: source.revision,
      };
      return [library({ $set: { [`templates.${fieldKey(templateId)}`]: stored, ...applied } })];
    }
    case 'Crm.TemplateChanged': {
      const { templateId, name, shortcode, text, attachment } = event.data;
      const path = `templates.${fieldKey(templateId)}`;
      return [
        library({
          $set: {
            [`${path}.name`]: name,
            [`${path}.shortcode`]: shortcode,
            [`${path}.text`]: text,
            [`${path}.attachment`]: attachment ?? null,
            ...applied,
          },
        }),
      ];
    }
    case 'Crm.TemplateDeleted':
      return [
        library({
          $unset: { [`templates.${fieldKey(event.data.templateId)}`]: '' },
          $set: { ...applied },
        }),
      ];
    case 'Crm.WorkspaceVariableSet':
      return [
        library({
          $set: { [`variables.${fieldKey(event.data.name)}`]: event.data.value, ...applied },
        }),
      ];
    case 'Crm.WorkspaceVariableRemoved':
      return [
        library({
          $unset: { [`variables.${fieldKey(event.data.name)}`]: '' },
          $set: { ...applied },
        }),
      ];
    default:
      return assertNever(event, 'template library event');
  }
};

/** What a template library's event does to its workspace's library. */
export const templateLibraryProjection = (
  event: TemplateLibraryEvent,
  source: ProjectableEvent,
): WorkspaceProjection => ({
  workspaceId: event.metadata.workspaceId,
  operations: templateLibraryOperations(event, source),
});
